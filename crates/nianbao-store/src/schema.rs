//! The schema: migrations, one `.sql` file each under `migrations/`, applied in order.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every Nianbao database: 'NBDR'.
pub const APPLICATION_ID: i32 = 0x4E42_4452;

/// The migrations in order; `user_version` counts how many have run.
fn steps() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("../migrations/0001_reports_and_blocks.sql")),
        M::up(include_str!("../migrations/0002_snapshots.sql")),
        M::up_with_hook(
            include_str!("../migrations/0003_figures_plan_review.sql"),
            crate::figures::seed_existing_reports,
        ),
    ]
}

/// The schema version this program writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: usize = 3;

/// The migration set, ready to run.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(steps())
}

/// The migrations of an earlier schema version, to build fixture databases in tests.
#[doc(hidden)]
pub fn migrations_up_to(version: usize) -> Migrations<'static> {
    let mut steps = steps();
    steps.truncate(version);
    Migrations::new(steps)
}

/// The current time as RFC 3339 UTC with milliseconds, computed by SQLite.
pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_on_an_empty_database() {
        migrations().validate().unwrap();
        assert_eq!(steps().len(), SCHEMA_VERSION);
    }

    #[test]
    fn the_first_migration_sets_the_application_id() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
    }
}
