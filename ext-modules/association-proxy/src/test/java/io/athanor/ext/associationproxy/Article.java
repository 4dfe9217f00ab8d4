package io.athanor.ext.associationproxy;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.LinkedHashSet;
import java.util.Set;

/** An article: labelled through the mixin, with keywords through a many-to-many. */
@Mapped(table = "ap_articles")
public class Article extends Labelled {
    /** The words of the many-to-many keywords. */
    public static final AssociationProxy<Article, String> TAGS = AssociationProxy.of(Article.class, "keywords",
            "word", String.class).creator(Keyword::new);

    @Id
    public Long id;
    public String title;
    @Relationship(secondary = "ap_article_keywords")
    public Set<Keyword> keywords = new LinkedHashSet<>();

    Article() {
    }

    public Article(String title) {
        this.title = title;
    }
}
