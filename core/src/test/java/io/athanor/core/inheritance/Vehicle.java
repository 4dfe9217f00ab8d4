package io.athanor.core.inheritance;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import io.athanor.mapping.Version;

/** The concrete base of a joined-table hierarchy: plain vehicles are rows of this table alone. */
@Mapped(table = "inh_vehicles")
public class Vehicle {
    @Id
    public Long id;
    @Discriminator
    public String kind;
    @Column(nullable = false)
    public String maker;
    @Version
    public int version;
    @ForeignKey("inh_garages.id")
    public Long garageId;
    @Relationship(backPopulates = "vehicles")
    public Garage garage;

    Vehicle() {
    }

    public Vehicle(String maker) {
        this.maker = maker;
    }
}
