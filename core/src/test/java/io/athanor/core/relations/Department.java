package io.athanor.core.relations;

import io.athanor.mapping.Id;
import io.athanor.mapping.Lazy;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

@Mapped(table = "rel_departments")
public class Department {
    @Id
    public Long id;
    public String name;
    @Relationship(foreignKeys = "departmentId", lazy = Lazy.RAISE)
    public List<Employee> staff = new ArrayList<>();
    @Relationship(foreignKeys = "formerDepartmentId", lazy = Lazy.NOLOAD)
    public List<Employee> alumni = new ArrayList<>();

    Department() {
    }

    public Department(String name) {
        this.name = name;
    }
}
