package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mixin;
import java.time.LocalDateTime;

/** A declarative mixin: its columns land in each mapped subclass's own table. */
@Mixin
public abstract class Audited {
    @Column(index = true, length = 40)
    public String createdBy;
    public LocalDateTime createdAt;
}
