package io.athanor.cdi.internal;

import io.athanor.MappingException;
import io.athanor.mapping.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Works out the units of a deployment from its configuration and beans, and validates each one. */
public final class Planner {
    private static final String UNIT_PREFIX = "athanor.unit.";

    private final Settings settings;
    private final MappedClasses mapped;
    private final BeanInventory inventory;
    private final Consumer<String> errors;

    public Planner(Settings settings, MappedClasses mapped, BeanInventory inventory, Consumer<String> errors) {
        this.settings = settings;
        this.mapped = mapped;
        this.inventory = inventory;
        this.errors = errors;
    }

    /** The valid units; every problem found has gone to the error consumer. */
    public List<UnitPlan> plan() {
        Set<String> names = unitNames();
        List<UnitPlan> plans = new ArrayList<>();
        for (String name : names) {
            UnitPlan plan = plan(name);
            if (plan != null) {
                plans.add(plan);
            }
        }
        checkRequests(names);
        return plans;
    }

    private Set<String> unitNames() {
        Set<String> named = new TreeSet<>();
        for (String key : settings.names()) {
            if (key.startsWith(UNIT_PREFIX) && key.indexOf('.', UNIT_PREFIX.length()) > 0) {
                named.add(key.substring(UNIT_PREFIX.length(), key.indexOf('.', UNIT_PREFIX.length())));
            }
        }
        named.addAll(inventory.engineProducers.keySet());
        named.addAll(inventory.dataSourceProducers.keySet());
        named.remove("");
        boolean defaultWanted = named.isEmpty()
                || settings.value("athanor.datasource").isPresent()
                || settings.value("athanor.packages").isPresent()
                || inventory.engineProducers.containsKey("")
                || inventory.dataSourceProducers.containsKey("")
                || inventory.injections.stream().anyMatch(r -> r.unit().isEmpty())
                || inventory.subTransactions.stream().anyMatch(r -> r.unit().isEmpty());
        Set<String> names = new LinkedHashSet<>();
        if (defaultWanted) {
            names.add("");
        }
        names.addAll(named);
        return names;
    }

    private UnitPlan plan(String name) {
        String prefix = Messages.prefix(name);
        int before = errorCount;
        UnitPlan plan = new UnitPlan(name);
        plan.expireOnCommit = flag(prefix + "expire-on-commit");
        plan.autoflush = flag(prefix + "autoflush");
        plan.asyncMaxTransactions = positive(prefix + "async.max-transactions");
        Optional<String> packages = settings.value(prefix + "packages");
        List<Class<?>> classes = mapped.in(packages.map(Planner::list).orElse(null));
        if (classes.isEmpty()) {
            error(Messages.noMappedClasses(name, packages.orElse(null), mapped.size()));
        } else {
            try {
                plan.registry = Registry.of(classes);
            } catch (MappingException e) {
                e.problems().forEach(p -> error(Messages.mapping(name, p)));
            }
        }
        dataSource(plan, prefix);
        if (plan.registry != null) {
            binds(plan, prefix);
        }
        return errorCount == before ? plan : null;
    }

    private void dataSource(UnitPlan plan, String prefix) {
        List<String> engines = inventory.engineProducers.getOrDefault(plan.name, List.of());
        List<String> dataSources = inventory.dataSourceProducers.getOrDefault(plan.name, List.of());
        Optional<String> configured = settings.value(prefix + "datasource");
        if (engines.size() > 1 || dataSources.size() > 1) {
            error(Messages.ambiguousProducers(plan.name, engines.size() > 1 ? "Engine" : "DataSource",
                    engines.size() > 1 ? engines : dataSources));
        }
        List<String> producers = new ArrayList<>(engines);
        producers.addAll(dataSources);
        if (configured.isPresent()) {
            if (!producers.isEmpty()) {
                error(Messages.twoDataSources(plan.name, configured.get(), producers.get(0)));
            }
            plan.dataSource = configured.get();
            checkDataSource(prefix + "datasource", configured.get());
        } else if (producers.isEmpty()) {
            error(Messages.noDataSource(plan.name));
        }
        plan.engineProducer = !engines.isEmpty();
    }

    private void binds(UnitPlan plan, String prefix) {
        String bindPrefix = prefix + "binds.";
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Class<?> c : plan.registry.mappedClasses()) {
            keys.put(c.getName(), c);
            keys.putIfAbsent(c.getSimpleName(), c);
            keys.putIfAbsent(plan.registry.tableOf(c), plan.registry.tableOf(c));
        }
        for (String key : settings.names()) {
            if (!key.startsWith(bindPrefix)) {
                continue;
            }
            String target = key.substring(bindPrefix.length());
            Object bindKey = keys.get(target);
            if (bindKey == null) {
                error(Messages.unknownBindKey(key, plan.name, new TreeSet<>(keys.keySet())));
                continue;
            }
            String ds = settings.value(key).orElse("");
            if (checkDataSource(key, ds)) {
                plan.binds.put(bindKey, ds);
            }
        }
    }

    private boolean checkDataSource(String key, String name) {
        String problem = DataSources.problem(name, inventory);
        if (problem != null) {
            error(Messages.unknownDataSource(key, name, problem));
        }
        return problem == null;
    }

    private boolean flag(String key) {
        Optional<String> v = settings.value(key);
        if (v.isEmpty()) {
            return true;
        }
        String s = v.get().strip();
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            error(Messages.notBoolean(key, v.get()));
            return true;
        }
        return Boolean.parseBoolean(s);
    }

    private Integer positive(String key) {
        Optional<String> v = settings.value(key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(Messages.notPositive(key, v.get()));
        return null;
    }

    private void checkRequests(Set<String> units) {
        Set<String> shown = new TreeSet<>();
        units.forEach(u -> shown.add(u.isEmpty() ? "default" : u));
        for (BeanInventory.Request r : inventory.injections) {
            if (!units.contains(r.unit())) {
                error(Messages.unknownUnit(r.unit(), r.where(), shown));
            }
        }
        for (BeanInventory.Request r : inventory.subTransactions) {
            if (!units.contains(r.unit())) {
                error(Messages.unknownSubTransactionUnit(r.unit(), r.where(), shown));
            }
        }
    }

    private int errorCount;

    private void error(String message) {
        errorCount++;
        errors.accept(message);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
