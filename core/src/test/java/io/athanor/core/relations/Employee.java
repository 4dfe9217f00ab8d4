package io.athanor.core.relations;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** Two foreign keys to the same table: foreignKeys picks the one each relationship uses. */
@Mapped(table = "rel_employees")
public class Employee {
    @Id
    public Long id;
    public String name;
    @ForeignKey("rel_departments.id")
    public Long departmentId;
    @ForeignKey("rel_departments.id")
    public Long formerDepartmentId;
    @Relationship(foreignKeys = "departmentId")
    public Department department;
    @Relationship(foreignKeys = "formerDepartmentId")
    public Department former;

    Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }
}
