package dev.practicetracker.query.processing;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-model tables, live and being rebuilt. A rebuild fills fresh copies of {@link ReadModels#REBUILT_TABLES} in
 * a schema of its own, and {@link #swapIn} exchanges them with the live ones in the caller's transaction: a reader
 * sees the old tables until that commits, then the new ones, never a mix. Grants (Grafana's role), triggers and the
 * views over the tables follow the swap; the projections need not know, as they name tables without a schema and the
 * rebuild's transactions put its schema first on the search path.
 */
@Component
public class ReadModelTables {

    /** Where a rebuild's tables are filled; one rebuild at a time. */
    public static final String BUILD_SCHEMA = "qs_rebuild";

    /** Where the tables swapped out go, for the moment of the swap. */
    private static final String RETIRED_SCHEMA = "qs_retired";

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> false);

    private final JdbcTemplate jdbc;
    private volatile String liveSchema;

    ReadModelTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this thread writes into a rebuild's tables: what it writes is history being replayed, nobody is to be
     * told of it as of a change.
     */
    public static boolean rebuilding() {
        return REBUILDING.get();
    }

    /** Empty copies of every rebuilt table, with their columns, defaults, constraints and indexes; any older copy goes. */
    public void createBuildTables() {
        String live = liveSchema();
        dropBuildTables();
        jdbc.execute("CREATE SCHEMA " + BUILD_SCHEMA);
        for (String table : ReadModels.REBUILT_TABLES) {
            jdbc.execute(
                    "CREATE TABLE %s.%s (LIKE %s.%s INCLUDING ALL)".formatted(BUILD_SCHEMA, table, quote(live), table));
        }
    }

    public void dropBuildTables() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + BUILD_SCHEMA + " CASCADE");
    }

    public boolean buildTablesExist() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT to_regnamespace(?) IS NOT NULL", Boolean.class, BUILD_SCHEMA));
    }

    /**
     * Puts the rebuild's tables in the place of the live ones, in the caller's transaction. It waits for, and then
     * holds, every reader's and writer's lock on the live tables: readers wait for the moment of the swap (a few
     * milliseconds), then see the new tables. The old ones are dropped.
     */
    public void swapIn() {
        String live = liveSchema();
        lockAll();
        String[] tables = ReadModels.REBUILT_TABLES.toArray(String[]::new);
        // Written while the live tables still have their names, so that each names the table that will then be live.
        List<String> grants = grantsOnBuildTables(live, tables);
        List<String> triggers = jdbc.queryForList("""
                SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = ANY (?) AND NOT t.tgisinternal
                """, String.class, live, tables);
        List<String> views = jdbc.queryForList("""
                SELECT DISTINCT format('CREATE OR REPLACE VIEW %I.%I AS %s', vn.nspname, v.relname, pg_get_viewdef(v.oid))
                  FROM pg_depend d
                  JOIN pg_rewrite r ON r.oid = d.objid
                  JOIN pg_class v ON v.oid = r.ev_class AND v.relkind = 'v'
                  JOIN pg_namespace vn ON vn.oid = v.relnamespace
                  JOIN pg_class c ON c.oid = d.refobjid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
                   AND n.nspname = ? AND c.relname = ANY (?) AND v.oid <> c.oid
                """, String.class, live, tables);
        grants.forEach(jdbc::execute);
        jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED_SCHEMA + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + RETIRED_SCHEMA);
        for (String table : ReadModels.REBUILT_TABLES) {
            jdbc.execute("ALTER TABLE %s.%s SET SCHEMA %s".formatted(quote(live), table, RETIRED_SCHEMA));
            jdbc.execute("ALTER TABLE %s.%s SET SCHEMA %s".formatted(BUILD_SCHEMA, table, quote(live)));
        }
        triggers.forEach(jdbc::execute);
        views.forEach(jdbc::execute);
        jdbc.execute("DROP SCHEMA " + RETIRED_SCHEMA + " CASCADE");
        jdbc.execute("DROP SCHEMA " + BUILD_SCHEMA);
    }

    /**
     * Takes every lock the swap needs, in the caller's transaction, before anything else is locked: readers and writers
     * of the live tables wait from here to the commit.
     */
    public void lockAll() {
        List<String> tables = new ArrayList<>();
        for (String table : ReadModels.REBUILT_TABLES) {
            tables.add(quote(liveSchema()) + "." + table);
            tables.add(BUILD_SCHEMA + "." + table);
        }
        jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
    }

    /** The live tables' grants to others than their owner, table-wide and per column, as statements on the copies. */
    private List<String> grantsOnBuildTables(String live, String[] tables) {
        return jdbc.queryForList("""
                SELECT format('GRANT %s ON {build}.%I TO %s%s', a.privilege_type, c.relname,
                              CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(g.rolname) END,
                              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN LATERAL aclexplode(c.relacl) a
                  LEFT JOIN pg_roles g ON g.oid = a.grantee
                 WHERE n.nspname = ? AND c.relname = ANY (?) AND a.grantee <> c.relowner
                UNION ALL
                SELECT format('GRANT %s (%I) ON {build}.%I TO %s%s', a.privilege_type, att.attname, c.relname,
                              CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(g.rolname) END,
                              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                  FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN LATERAL aclexplode(att.attacl) a
                  LEFT JOIN pg_roles g ON g.oid = a.grantee
                 WHERE n.nspname = ? AND c.relname = ANY (?) AND att.attnum > 0 AND NOT att.attisdropped
                   AND att.attacl IS NOT NULL AND a.grantee <> c.relowner
                """.replace("{build}", BUILD_SCHEMA), String.class, live, tables, live, tables);
    }

    /**
     * The transactions of the rebuild's processor: the rebuild's schema comes first on their search path, so every
     * rebuilt table named resolves to its fresh copy, and anything else (the accounts, the tokens, the dead letters)
     * to the live schema.
     */
    public TransactionManager intoBuildTables(TransactionManager transactions) {
        return () -> {
            String searchPath = BUILD_SCHEMA + ", " + quote(liveSchema());
            Transaction transaction = transactions.startTransaction();
            jdbc.execute("SET LOCAL search_path TO " + searchPath);
            REBUILDING.set(true);
            return new Transaction() {
                @Override
                public void commit() {
                    REBUILDING.remove();
                    transaction.commit();
                }

                @Override
                public void rollback() {
                    REBUILDING.remove();
                    transaction.rollback();
                }
            };
        };
    }

    /** The schema the migrations made the tables in, which every connection's search path starts with. */
    private String liveSchema() {
        String schema = liveSchema;
        if (schema == null) {
            schema = jdbc.queryForObject("SELECT current_schema()", String.class);
            liveSchema = schema;
        }
        return schema;
    }

    private String quote(String identifier) {
        return jdbc.queryForObject("SELECT quote_ident(?)", String.class, identifier);
    }
}
