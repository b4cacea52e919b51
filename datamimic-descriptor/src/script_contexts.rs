//! DATAMIMIC's contexts and database client for `.scr.py` files: `Context`
//! (`datamimic_ce.contexts.context`), `SetupContext` (`...setup_context`) with
//! `get_client_by_id(id)`, `DatabaseClient` (`datamimic_ce.clients.database_client`) with
//! `count_table_length(table)`, `get_by_page_with_query(sql)` and
//! `get_by_page_with_type(table)` on the run's SQLite databases, and `logger`
//! (`datamimic_ce.logger`, which writes nothing, as `print` does).
//!
//! A converter class named without arguments (`converter="MappingConverter"`) is made as
//! DATAMIMIC makes it: a `CustomConverter` whose `__init__` takes an argument gets the
//! `SetupContext`, any other class none.
//!
//! Queries read the database as the run has written it so far; only `SELECT` (and `WITH`)
//! statements run, so a script cannot change a database. A script should read tables that
//! earlier statements wrote: rows its own generate inserts arrive in an order that depends on
//! the threads.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use datamimic_export::database::{Cell as Sql, Database};
use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

use crate::database::Databases;

/// The running descriptor's databases by id, for scripts on any worker thread.
static SHARED: RwLock<Option<HashMap<String, Arc<Database>>>> = RwLock::new(None);

/// The classes, in Python, on the Rust functions `_db_query` and `_db_ids`.
const CONTEXTS_PY: &str = r#"
class Context:
    """A DATAMIMIC context: here, the setup's (its clients are the descriptor's databases)."""
    @property
    def root(self):
        return SetupContext()
    def get_client_by_id(self, client_id):
        return self.root.get_client_by_id(client_id)

class SetupContext(Context):
    @property
    def root(self):
        return self
    def get_client_by_id(self, client_id):
        return DatabaseClient(client_id) if client_id in _db_ids() else None

class GenIterContext(Context):
    pass

class DatabaseClient:
    def __init__(self, client_id):
        self._client_id = client_id
    def count_table_length(self, table_name):
        rows = _db_query(self._client_id, 'SELECT COUNT(*) AS n FROM "' + str(table_name).replace('"', '""') + '"')
        return rows[0]["n"]
    def get_by_page_with_query(self, original_query, pagination=None):
        query = original_query
        if pagination is not None:
            query = f"SELECT * FROM ({original_query}) LIMIT {int(pagination.limit)} OFFSET {int(pagination.skip)}"
        return _db_query(self._client_id, query)
    def get_by_page_with_type(self, table_name, pagination=None):
        return self.get_by_page_with_query('SELECT * FROM "' + str(table_name).replace('"', '""') + '"', pagination)

class _Logger:
    def _ignore(self, *args, **kwargs):
        pass
    debug = info = warning = warn = error = critical = exception = log = _ignore

logger = _Logger()

def _datamimic_new(cls):
    init = getattr(cls, "__init__", None)
    code = getattr(init, "__code__", None)
    if issubclass(cls, CustomConverter) and code is not None and code.co_argcount >= 2:
        return cls(SetupContext())
    return cls()
"#;

/// DATAMIMIC's module paths and the names each provides.
const MODULES: &[(&str, &[&str])] = &[
    ("datamimic_ce.contexts.context", &["Context"]),
    ("datamimic_ce.contexts.setup_context", &["SetupContext"]),
    ("datamimic_ce.contexts.geniter_context", &["GenIterContext"]),
    ("datamimic_ce.clients.database_client", &["DatabaseClient"]),
    ("datamimic_ce.logger", &["logger"]),
];

/// Lets scripts read `dbs` until the returned guard is dropped (the end of the run).
pub fn share(dbs: &Databases) -> SharedDatabases {
    *SHARED.write().unwrap_or_else(|e| e.into_inner()) = Some(
        dbs.by_id()
            .map(|(id, db)| (id.to_owned(), db.clone()))
            .collect(),
    );
    SharedDatabases(())
}

/// Takes the databases away from scripts when dropped.
#[derive(Debug)]
pub struct SharedDatabases(());

impl Drop for SharedDatabases {
    fn drop(&mut self) {
        *SHARED.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Registers the modules of [`MODULES`] and the builtin `_datamimic_new`; `custom_converter`
/// is the prelude's `CustomConverter`, `record` its record class.
pub(crate) fn register(
    vm: &VirtualMachine,
    custom_converter: PyObjectRef,
    record: PyObjectRef,
) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item("CustomConverter", custom_converter, vm)?;
    dict.set_item("_db_ids", vm.new_function("_db_ids", db_ids).into(), vm)?;
    dict.set_item(
        "_db_query",
        vm.new_function(
            "_db_query",
            move |id: PyStrRef, sql: PyStrRef, vm: &VirtualMachine| {
                db_query(&id, &sql, &record, vm)
            },
        )
        .into(),
        vm,
    )?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(CONTEXTS_PY, Mode::Exec, "<datamimic contexts>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    let modules = vm.sys_module.get_attr("modules", vm)?;
    for (path, names) in MODULES {
        let contents = vm.ctx.new_dict();
        for name in *names {
            contents.set_item(*name, dict.get_item(*name, vm)?, vm)?;
        }
        modules.set_item(*path, vm.new_module(path, contents, None).into(), vm)?;
    }
    vm.builtins
        .set_attr("_datamimic_new", dict.get_item("_datamimic_new", vm)?, vm)?;
    Ok(())
}

/// The ids of the run's databases.
fn db_ids(vm: &VirtualMachine) -> PyObjectRef {
    let shared = SHARED.read().unwrap_or_else(|e| e.into_inner());
    let mut ids: Vec<PyObjectRef> = shared
        .iter()
        .flat_map(HashMap::keys)
        .map(|id| vm.ctx.new_str(id.as_str()).into())
        .collect();
    ids.sort_by_cached_key(|id| id.str(vm).map(|s| s.to_string()).unwrap_or_default());
    vm.ctx.new_list(ids).into()
}

/// Runs `sql` (a `SELECT`) on database `id`: a list of rows as records.
fn db_query(
    id: &PyStrRef,
    sql: &PyStrRef,
    record: &PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let id = id.to_string();
    let sql = sql.to_string();
    let first = sql
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    if first != "SELECT" && first != "WITH" {
        return Err(vm.new_value_error(format!(
            "database `{id}`: a script may only read (`SELECT …`), not run {sql:?}"
        )));
    }
    let db = {
        let shared = SHARED.read().unwrap_or_else(|e| e.into_inner());
        shared.as_ref().and_then(|dbs| dbs.get(&id).cloned())
    };
    let db = db.ok_or_else(|| {
        vm.new_value_error(format!(
            "no database `{id}`: a `DatabaseClient` reads the descriptor's `<database>`s"
        ))
    })?;
    let rows = db
        .query(&sql)
        .map_err(|e| vm.new_value_error(format!("database `{id}`: {}: {sql}", e.message)))?;
    let mut out = Vec::with_capacity(rows.rows.len());
    for row in rows.rows {
        let dict = vm.ctx.new_dict();
        for (column, cell) in rows.columns.iter().zip(row) {
            let value: PyObjectRef = match cell {
                Sql::Null => vm.ctx.none(),
                Sql::Integer(i) => vm.ctx.new_int(i).into(),
                Sql::Real(f) => vm.ctx.new_float(f).into(),
                Sql::Text(t) => vm.ctx.new_str(t).into(),
                Sql::Blob(_) => {
                    return Err(vm.new_value_error(format!(
                        "database `{id}`: BLOB column `{column}` cannot be read"
                    )));
                }
            };
            dict.set_item(column.as_str(), value, vm)?;
        }
        out.push(record.call((dict,), vm)?);
    }
    Ok(vm.ctx.new_list(out).into())
}
