package io.athanor.cdi.internal;

import java.util.Collection;

/**
 * Every message of the CDI extension, in one place. Ids are {@code ATHANOR-60nn} ({@code athanor-jta}
 * uses {@code 65nn}); they are never reused. Each names the unit, the key, class or field, and the fix.
 */
public final class Messages {
    private Messages() {
    }

    static String unitName(String unit) {
        return unit.isEmpty() ? "the default unit" : "unit '" + unit + "'";
    }

    static String prefix(String unit) {
        return unit.isEmpty() ? "athanor." : "athanor.unit." + unit + ".";
    }

    static String mapping(String unit, String problem) {
        return "ATHANOR-6001: " + unitName(unit) + " can't map its classes: " + problem;
    }

    static String noDataSource(String unit) {
        String q = unit.isEmpty() ? "" : "@Unit(\"" + unit + "\") ";
        return "ATHANOR-6002: " + unitName(unit) + " has no data source: set " + prefix(unit) + "datasource to the "
                + "JNDI name of a JTA data source (MicroProfile Config), or add a producer method "
                + "'@Produces " + q + "Engine' or '@Produces " + q + "DataSource'";
    }

    static String unknownDataSource(String key, String name, String cause) {
        return "ATHANOR-6003: " + key + " names the data source '" + name + "', which is neither bound in JNDI ("
                + cause + ") nor a @Named(\"" + name + "\") DataSource bean: correct the name or define the data source";
    }

    static String unknownBindKey(String key, String unit, Collection<String> known) {
        return "ATHANOR-6004: " + key + " names no mapped class or table of " + unitName(unit) + ": use a mapped "
                + "class's simple or qualified name or its table, one of " + known;
    }

    static String notBoolean(String key, String value) {
        return "ATHANOR-6005: " + key + " is '" + value + "', which is not a boolean: use true or false";
    }

    static String noMappedClasses(String unit, String packages, int found) {
        return "ATHANOR-6006: " + unitName(unit) + " maps no class: " + (packages == null
                ? "no @Mapped class was found; compile them with athanor-processor (it writes "
                        + "META-INF/athanor/mapped-classes) or put them in a bean archive"
                : prefix(unit) + "packages is '" + packages + "', which matches none of the " + found
                        + " @Mapped classes found; correct the packages");
    }

    static String unknownUnit(String unit, String where, Collection<String> units) {
        return "ATHANOR-6007: " + where + " asks for @Unit(\"" + unit + "\"), which is not configured (units: "
                + units + "): set athanor.unit." + unit + ".datasource or add '@Produces @Unit(\"" + unit
                + "\") Engine'";
    }

    static String unknownSubTransactionUnit(String unit, String where, Collection<String> units) {
        return "ATHANOR-6008: @SubTransaction(unit = \"" + unit + "\") on " + where + " names a unit that is not "
                + "configured (units: " + units + "): correct the name or configure the unit";
    }

    static String twoDataSources(String unit, String configured, String producer) {
        return "ATHANOR-6009: " + unitName(unit) + " has two data sources: " + prefix(unit) + "datasource = '"
                + configured + "' and the producer " + producer + ": remove one of them";
    }

    static String unloadableClass(String className, String index, String cause) {
        return "ATHANOR-6010: " + index + " lists " + className + ", which the deployment can't load (" + cause
                + "): rebuild that jar, or remove the stale class from it";
    }

    static String indexUnreadable(String cause) {
        return "ATHANOR-6011: the mapped-class indexes (META-INF/athanor/mapped-classes) could not be read: " + cause;
    }

    static String noSubTransaction(String unit) {
        return "ATHANOR-6012: no sub-transaction of " + unitName(unit) + " is active: the injected SubTransaction "
                + "is usable inside a @SubTransaction method only";
    }

    static String ambiguousProducers(String unit, String type, Collection<String> beans) {
        return "ATHANOR-6013: " + unitName(unit) + " has several " + type + " producers: " + beans
                + ": keep one, or qualify the others with @Unit";
    }

    static String unknownKey(String key, Collection<String> known) {
        return "ATHANOR-6014: " + key + " is not an Athanor setting: use one of " + known;
    }

    static String notPositive(String key, String value) {
        return "ATHANOR-6015: " + key + " is '" + value + "', which is not a whole number of at least 1: give how many "
                + "async sessions may be in a transaction at once, at most the data source's pool size";
    }
}
