package io.athanor.ext.asyncio;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

@Mapped(table = "async_writers")
public class Writer {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "writer", cascade = "all, delete-orphan", orderBy = "title")
    public List<Story> stories = new ArrayList<>();

    Writer() {
    }

    public Writer(String name) {
        this.name = name;
    }
}
