package io.athanor.internal.messages;

/** The mapping messages ({@code ATHANOR-1xxx}): problems a Registry finds in mapped classes. */
public final class MappingMessages {
    private MappingMessages() {
    }

    // The snippet is pasted into a pom.xml as it is, long lines included.
    // CHECKSTYLE.OFF: LineLength
    /** The plugin configuration an unenhanced class needs; kept in sync with tooling/enhancer/README.md. */
    public static final String ENHANCER_SNIPPET = """
            <plugin>
              <groupId>net.bytebuddy</groupId>
              <artifactId>byte-buddy-maven-plugin</artifactId>
              <version>1.18.7</version>
              <configuration><discovery>UNIQUE</discovery></configuration>
              <dependencies>
                <dependency><groupId>net.bytebuddy</groupId><artifactId>byte-buddy</artifactId><version>1.18.17</version></dependency>
                <dependency><groupId>io.athanor</groupId><artifactId>athanor-enhancer</artifactId><version>${athanor.version}</version></dependency>
              </dependencies>
              <executions>
                <execution><goals><goal>transform</goal><goal>transform-test</goal></goals></execution>
              </executions>
            </plugin>""";
    // CHECKSTYLE.ON: LineLength

    // ---- 1xxx mapping ----------------------------------------------------------------------------

    public static String mappingProblems(int count, String list) {
        return "ATHANOR-1000: the Registry found " + count + " mapping problem" + (count == 1 ? "" : "s")
                + ":\n" + list;
    }

    public static String notMapped(Class<?> type) {
        return "ATHANOR-1001: " + type.getName() + " is not a mapped class: annotate it with @Mapped"
                + (type.isAnnotationPresent(io.athanor.mapping.Mixin.class)
                        ? " (it is a @Mixin: mixins are mapped through their @Mapped subclasses, pass those instead)"
                        : "");
    }

    public static String noPrimaryKey(Class<?> type) {
        return "ATHANOR-1002: " + type.getName() + " has no primary key: annotate one field (or several, for a "
                + "composite key) with @Id";
    }

    public static String notEnhanced(Class<?> type) {
        return "ATHANOR-1003: " + type.getName() + " was not enhanced at build time, so Athanor cannot track its "
                + "fields. Add the Athanor enhancer to the module that compiles it (pom.xml, <build><plugins>):\n"
                + ENHANCER_SNIPPET;
    }

    public static String noConstructor(Class<?> type) {
        return "ATHANOR-1004: " + type.getName() + " has no constructor without arguments: add one (it may be "
                + "private) so Athanor can create instances when it loads rows";
    }

    public static String unsupportedType(Class<?> type, String field, String javaType) {
        return "ATHANOR-1005: " + type.getName() + "." + field + " has type " + javaType + ", which has no column "
                + "type: use a supported type, set @Column(type = ...) to a ColumnType or Json, or mark the field "
                + "@Transient";
    }

    public static String badVersionType(Class<?> type, String field, String javaType) {
        return "ATHANOR-1006: " + type.getName() + "." + field + " is a @Version column of type " + javaType
                + ": version counters must be int, Integer, long or Long";
    }

    public static String twoVersions(Class<?> type, String first, String second) {
        return "ATHANOR-1007: " + type.getName() + " has two @Version fields, " + first + " and " + second
                + ": keep one";
    }

    public static String badForeignKey(Class<?> type, String field, String value) {
        return "ATHANOR-1008: " + type.getName() + "." + field + " has @ForeignKey(\"" + value + "\"): write the "
                + "referenced column as \"table.column\", for example @ForeignKey(\"users.id\")";
    }

    public static String unknownForeignTable(Class<?> type, String field, String table, String known) {
        return "ATHANOR-1009: " + type.getName() + "." + field + " references table '" + table + "', which no class "
                + "in this Registry maps (mapped tables: " + known + "): fix the name or add the class to the Registry";
    }

    public static String unknownForeignColumn(Class<?> type, String field, String table, String column,
                                              String known) {
        return "ATHANOR-1010: " + type.getName() + "." + field + " references column '" + column + "' of table '"
                + table + "', which has no such column (columns: " + known + ")";
    }

    public static String duplicateTable(String table, Class<?> first, Class<?> second) {
        return "ATHANOR-1011: " + first.getName() + " and " + second.getName() + " are both mapped to table '" + table
                + "': give one of them another @Mapped(table = ...)";
    }

    public static String duplicateColumn(Class<?> type, String column, String first, String second) {
        return "ATHANOR-1012: " + type.getName() + " maps fields " + first + " and " + second + " to the same column '"
                + column + "': rename one with @Column(name = ...)";
    }

    public static String badColumnType(Class<?> type, String field, Class<?> given) {
        return "ATHANOR-1013: " + type.getName() + "." + field + " has @Column(type = " + given.getName() + ".class), "
                + "which is neither a column type of io.athanor.types (Json, JsonText, SqlArray, Serialized) nor a "
                + "ColumnType: use one of those";
    }

    public static String columnTypeNotInstantiable(Class<?> type, String field, Class<?> given, String why) {
        return "ATHANOR-1014: " + type.getName() + "." + field + " uses ColumnType " + given.getName()
                + ", which cannot be created (" + why + "): give it a public constructor without arguments";
    }

    public static String columnTypeMismatch(Class<?> type, String field, String fieldType, Class<?> handled) {
        return "ATHANOR-1015: " + type.getName() + "." + field + " has type " + fieldType + " but its ColumnType "
                + "converts " + handled.getName() + ": make the field's type and the ColumnType's javaType() agree";
    }

    public static String abstractMapped(Class<?> type) {
        return "ATHANOR-1016: " + type.getName() + " is abstract and cannot be instantiated when rows load: make it "
                + "concrete, or turn it into a @Mixin of concrete @Mapped classes";
    }

    public static String versionIsId(Class<?> type, String field) {
        return "ATHANOR-1017: " + type.getName() + "." + field + " is both @Id and @Version: a version counter changes "
                + "on every update and cannot be part of the identity; use two fields";
    }

    public static String unsupportedColumnType(Class<?> type, String field, Class<?> given, String storedAs) {
        return "ATHANOR-1018: " + type.getName() + "." + field + " uses ColumnType " + given.getName()
                + " whose storedAs() is " + storedAs + ", which is not a built-in column type: store a String, "
                + "number, date, UUID or byte[]";
    }

    public static String noMappedClassesFound(String pkg) {
        return "ATHANOR-1019: Registry.scan(\"" + pkg + "\") found no @Mapped class: the metamodel processor "
                + "(io.athanor:athanor-processor) writes the index it reads; add it to the compiler's class path, "
                + "or use Registry.of(...)";
    }

    public static String scanFailed(String pkg, String why) {
        return "ATHANOR-1020: Registry.scan(\"" + pkg + "\") could not read the mapped-class index: " + why;
    }

    public static String unknownClass(String name, String pkg) {
        return "ATHANOR-1021: the mapped-class index lists " + name + " but it cannot be loaded (scanning \"" + pkg
                + "\"): rebuild the module that declares it";
    }

    public static String emptyRegistry() {
        return "ATHANOR-1022: a Registry needs at least one @Mapped class";
    }

    public static String arrayNotSupported(String where, io.athanor.Dialect dialect) {
        return "ATHANOR-1023: " + where + " is mapped with @Column(type = SqlArray.class), but " + dialect
                + " has no array column type: map it with @Column(type = Json.class) to store the list as JSON";
    }

    public static String badArrayField(Class<?> type, String field, String declared) {
        return "ATHANOR-1024: " + type.getName() + "." + field + " is declared " + declared + ", but "
                + "@Column(type = SqlArray.class) needs a List<E> whose E is String, Integer, Long, Short, Boolean, "
                + "Double, Float, BigDecimal or UUID";
    }

    public static String badComposite(Class<?> type, String field, Class<?> valueClass, String why) {
        return "ATHANOR-1025: " + type.getName() + "." + field + " is @Composite, but its class " + valueClass.getName()
                + " cannot be a composite value: " + why + ". Use a record, or a class with a no-argument constructor "
                + "and non-final fields";
    }

    public static String compositeColumnCount(Class<?> type, String field, int components, int names) {
        return "ATHANOR-1026: " + type.getName() + "." + field + " has @Composite(columns = ...) with " + names
                + " name" + (names == 1 ? "" : "s") + " for " + components + " components: give one column name per "
                + "component, in component order, or none for the defaults";
    }

    public static String unsupportedComponent(Class<?> type, String field, String component, Class<?> componentType) {
        return "ATHANOR-1027: " + type.getName() + "." + field + " is @Composite, but its component " + component
                + " has type " + componentType.getName() + ", which has no built-in column type";
    }

    // ---- 103x relationships ----------------------------------------------------------------------

    public static String badCollectionType(Class<?> type, String field, String declared) {
        return "ATHANOR-1030: " + type.getName() + "." + field + " is a @Relationship collection of type " + declared
                + ": declare it as List<Target> or Set<Target>";
    }

    public static String rawCollection(Class<?> type, String field) {
        return "ATHANOR-1031: " + type.getName() + "." + field + " is a @Relationship collection without an element "
                + "type: declare it as List<Target> or Set<Target>";
    }

    public static String uselistOnCollection(Class<?> type, String field) {
        return "ATHANOR-1032: " + type.getName() + "." + field + " has @Relationship(uselist = false) but is a "
                + "collection: declare the field as the target class for a one-to-one";
    }

    public static String unmappedTarget(Class<?> type, String field, Class<?> target) {
        return "ATHANOR-1033: " + type.getName() + "." + field + " refers to " + target.getName() + ", which this "
                + "Registry does not map: add it to Registry.of(...)";
    }

    public static String noJoin(Class<?> type, String field, String ownerTable, String targetTable) {
        return "ATHANOR-1034: " + type.getName() + "." + field + " can't find a foreign key between tables '"
                + ownerTable + "' and '" + targetTable + "': add a column with @ForeignKey(\"" + targetTable
                + ".<key>\") on '" + ownerTable + "' (many-to-one), or one referencing '" + ownerTable + "' on '"
                + targetTable + "' (one-to-many), or name an association table with secondary = \"...\"";
    }

    public static String ambiguousJoin(Class<?> type, String field, String candidates) {
        return "ATHANOR-1035: " + type.getName() + "." + field + " could join through more than one foreign key ("
                + candidates + "): choose one with @Relationship(foreignKeys = \"column\")";
    }

    public static String unknownForeignKeyColumn(Class<?> type, String field, String column) {
        return "ATHANOR-1036: " + type.getName() + "." + field + " names foreignKeys column '" + column + "', which "
                + "is not a foreign-key column between the two tables";
    }

    public static String unknownBackPopulates(Class<?> type, String field, Class<?> target, String back) {
        return "ATHANOR-1037: " + type.getName() + "." + field + " has backPopulates = \"" + back + "\", but "
                + target.getName() + " has no @Relationship field of that name pointing back to " + type.getSimpleName();
    }

    public static String unknownCascade(Class<?> type, String field, String words) {
        return "ATHANOR-1038: " + type.getName() + "." + field + " has unknown cascade option(s) " + words
                + ": use save-update, merge, expunge, delete, delete-orphan, refresh-expire or all";
    }

    public static String orphanOnManyToOne(Class<?> type, String field) {
        return "ATHANOR-1039: " + type.getName() + "." + field + " is a many-to-one or many-to-many with "
                + "delete-orphan: an object with several parents can't be an orphan; put delete-orphan on the "
                + "one-to-many side";
    }

    public static String unknownOrderBy(Class<?> type, String field, String column, String target) {
        return "ATHANOR-1040: " + type.getName() + "." + field + " orders by '" + column + "', which is not a column "
                + "of " + target;
    }

    public static String badSecondary(Class<?> type, String field, String table, String why) {
        return "ATHANOR-1041: " + type.getName() + "." + field + " has secondary = \"" + table + "\": " + why;
    }

    // ---- 105x inheritance ------------------------------------------------------------------------

    public static String subclassDeclaresId(Class<?> type, String field, Class<?> base) {
        return "ATHANOR-1050: " + type.getName() + "." + field + " is an @Id, but " + type.getSimpleName()
                + " inherits its primary key from its mapped superclass " + base.getName() + ": remove the @Id (rows "
                + "of a hierarchy are keyed by its base's key)";
    }

    public static String missingDiscriminator(Class<?> base, String subclasses) {
        return "ATHANOR-1051: " + base.getName() + " has mapped subclasses (" + subclasses + ") but no @Discriminator "
                + "column: add a String field annotated @Discriminator to " + base.getSimpleName() + ", whose value in "
                + "each row names the row's class";
    }

    public static String discriminatorNotOnBase(Class<?> type, String field, Class<?> base) {
        return "ATHANOR-1052: " + type.getName() + "." + field + " is a @Discriminator, but only the base of a "
                + "hierarchy declares one: move it to " + base.getName();
    }

    public static String twoDiscriminators(Class<?> type, String first, String second) {
        return "ATHANOR-1053: " + type.getName() + " has two @Discriminator fields, " + first + " and " + second
                + ": keep one";
    }

    public static String badDiscriminatorType(Class<?> type, String field, String javaType) {
        return "ATHANOR-1054: " + type.getName() + "." + field + " is a @Discriminator of type " + javaType
                + ": a discriminator is a String column";
    }

    public static String duplicateIdentity(String value, Class<?> first, Class<?> second) {
        return "ATHANOR-1055: " + first.getName() + " and " + second.getName() + " both have the polymorphic identity '"
                + value + "': give one of them another @PolymorphicIdentity";
    }

    public static String columnClashesWithParent(Class<?> type, String field, String column, Class<?> parent,
                                                 String parentField) {
        return "ATHANOR-1056: " + type.getName() + "." + field + " maps to column '" + column + "', which its mapped "
                + "superclass " + parent.getName() + " already maps (field " + parentField + "): rename one with "
                + "@Column(name = ...)";
    }

    public static String superclassNotInRegistry(Class<?> type, Class<?> parent) {
        return "ATHANOR-1057: " + type.getName() + " extends the mapped class " + parent.getName() + ", which this "
                + "Registry does not map: add " + parent.getSimpleName() + ".class to the Registry (a hierarchy is "
                + "mapped whole)";
    }

    public static String abstractWithIdentity(Class<?> type, String value) {
        return "ATHANOR-1058: " + type.getName() + " is abstract, so no row is of " + type.getSimpleName()
                + " itself and it has no polymorphic identity: remove @PolymorphicIdentity(\"" + value
                + "\") or make the class concrete";
    }

    public static String identityWithoutDiscriminator(Class<?> type, String value) {
        return "ATHANOR-1060: " + type.getName() + " has @PolymorphicIdentity(\"" + value + "\") but its hierarchy "
                + "has no @Discriminator column to hold it: add a String field annotated @Discriminator to the "
                + "hierarchy's base";
    }

    public static String abstractWithoutSubclass(Class<?> type) {
        return "ATHANOR-1061: " + type.getName() + " is abstract and no concrete mapped subclass of it is in this "
                + "Registry, so no row could be loaded as one: add its subclasses to the Registry, or make it concrete";
    }

    public static String abstractInstantiated(Class<?> type) {
        return "ATHANOR-1062: " + type.getName() + " is abstract and is never instantiated: its rows are loaded as "
                + "instances of its concrete subclasses";
    }

    // ---- 11xx instances of mapped classes --------------------------------------------------------

    public static String constructorThrew(Class<?> type) {
        return "ATHANOR-1100: the constructor of " + type.getName() + " threw";
    }

    public static String undeclaredEnhancedField(Class<?> type, String field) {
        return "ATHANOR-1101: " + type.getName() + " lists enhanced field " + field
                + " that it does not declare: rebuild it with the current enhancer";
    }

    public static String compositeThrew(Class<?> type) {
        return "ATHANOR-1102: the composite class " + type.getName() + " threw";
    }
}
