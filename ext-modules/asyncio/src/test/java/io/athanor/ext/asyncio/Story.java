package io.athanor.ext.asyncio;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

@Mapped(table = "async_stories")
public class Story {
    @Id
    public Long id;
    public String title;
    @ForeignKey("async_writers.id")
    public Long writerId;
    @Relationship(backPopulates = "stories")
    public Writer writer;

    Story() {
    }

    public Story(String title) {
        this.title = title;
    }
}
