package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * Hibernate's view of {@code w5_parent}: the bidirectional one-to-many its guide recommends
 * ({@code mappedBy}, lazy). {@code @BatchSize(500)}: the collections of up to 500 parents load in
 * one statement, the same batches as Athanor's selectin loading.
 */
@Entity(name = "HParent")
@Table(name = "w5_parent")
public class HParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 50)
    private String name;
    @OneToMany(mappedBy = "parent")
    @BatchSize(size = 500)
    private List<HChild> children = new ArrayList<>();

    protected HParent() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<HChild> getChildren() {
        return children;
    }
}
