//! The schema migrations, embedded from `orderhub-core/migrations/`, and the rule for newer databases.

use crate::ports::StoreError;

/// One migration.
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

#[cfg(feature = "sqlite")]
pub(crate) const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "connections",
        sql: include_str!("../../migrations/sqlite/0002_connections.sql"),
    },
];

#[cfg(feature = "postgres")]
pub(crate) const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../../migrations/postgres/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "connections",
        sql: include_str!("../../migrations/postgres/0002_connections.sql"),
    },
];

/// Refuses a database whose newest migration is unknown to this version.
pub(crate) fn check_not_newer(known: &[Migration], newest: Option<(i64, String)>) -> Result<(), StoreError> {
    let supported = known.iter().map(|m| m.version).max().unwrap_or(0);
    match newest {
        Some((version, name)) if version > supported => Err(StoreError::NewerSchema {
            found_version: version,
            found_name: name,
            supported_version: supported,
        }),
        _ => Ok(()),
    }
}
