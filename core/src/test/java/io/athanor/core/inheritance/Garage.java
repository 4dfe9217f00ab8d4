package io.athanor.core.inheritance;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** Holds vehicles of every class of the joined hierarchy. */
@Mapped(table = "inh_garages")
public class Garage {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "garage", cascade = "all, delete-orphan")
    public List<Vehicle> vehicles = new ArrayList<>();
    /** A relationship to a joined subclass: its loads join the subclass's tables. */
    @Relationship(cascade = "", orderBy = "id")
    public List<Car> cars = new ArrayList<>();

    Garage() {
    }

    public Garage(String name) {
        this.name = name;
    }
}
