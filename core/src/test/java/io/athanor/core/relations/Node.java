package io.athanor.core.relations;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** A self-referential tree. */
@Mapped(table = "rel_nodes")
public class Node {
    @Id
    public Long id;
    public String name;
    @ForeignKey("rel_nodes.id")
    public Long parentId;
    @Relationship(backPopulates = "children")
    public Node parent;
    @Relationship(backPopulates = "parent", cascade = "all")
    public List<Node> children = new ArrayList<>();

    Node() {
    }

    public Node(String name) {
        this.name = name;
    }

    public Node(String name, Node parent) {
        this.name = name;
        this.parent = parent;
    }
}
