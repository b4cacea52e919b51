//! Reading `<database>`, `<mongodb>`, `<execute>` and database sources (see
//! [`crate::database`]).

use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, anyhow};
use roxmltree::Node;

use super::{Ctx, Parser};
use crate::csv_source::{Distribution, RowSource, Rows};
use crate::database::{DatabaseDecl, DbRows, Execute};
use crate::descriptor::{Field, ValueSource, error_at};
use datamimic_export::suggest::did_you_mean;

/// The attributes of `<database>` (DATAMIMIC's; the server ones are refused with the dbms).
const DATABASE_ATTRS: &[&str] = &[
    "id",
    "dbms",
    "database",
    "environment",
    "system",
    "host",
    "port",
    "user",
    "password",
    "schema",
];

impl Parser<'_, '_> {
    /// `<database id dbms database environment system>`: SQLite only. Settings missing on the
    /// element come from `conf/{environment}.env.properties` (`{system}.db.dbms`,
    /// `{system}.db.database`), as in DATAMIMIC; `environment` defaults to `environment` and
    /// `system` to the id.
    pub(super) fn database(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<DatabaseDecl> {
        self.check_attrs(node, DATABASE_ATTRS)?;
        let id = self.required(node, "id")?.trim().to_owned();
        if id.is_empty() {
            return Err(self.err_attr(node, "id", "is empty"));
        }
        if ctx.databases.iter().any(|d| d.id == id) || ctx.memstores.contains(&id) {
            return Err(self.err_attr(
                node,
                "id",
                format_args!("a `<database>` or `<memstore>` `{id}` is already declared"),
            ));
        }
        let environment = node.attribute("environment").unwrap_or("environment");
        let system = node.attribute("system").unwrap_or(&id);
        let conf_name = format!("conf/{environment}.env.properties");
        let conf_path = ctx.root.join(&conf_name);
        let conf = if conf_path.is_file() {
            let text = std::fs::read_to_string(&conf_path).map_err(|e| {
                self.err_attr(node, "id", format_args!("cannot read `{conf_name}`: {e}"))
            })?;
            crate::properties::parse(&text).map_err(|p| {
                anyhow!(
                    "{conf_name}:{}:{}: {} (read for the `<database>` at {})",
                    p.line,
                    p.col,
                    p.message,
                    self.pos(node)
                )
            })?
        } else if node.attribute("environment").is_some() {
            return Err(self.err_attr(
                node,
                "environment",
                format_args!("there is no `{conf_name}` in the descriptor's folder"),
            ));
        } else {
            Vec::new()
        };
        let setting = |key: &str| -> Option<String> {
            let wanted = format!("{system}.db.{key}");
            conf.iter()
                .rev()
                .find(|p| p.key == wanted)
                .map(|p| p.value.trim().to_owned())
        };
        let shown = format!("`<database id=\"{id}\">`");
        let dbms = match node.attribute("dbms") {
            Some(dbms) => dbms.trim().to_owned(),
            None => setting("dbms").ok_or_else(|| {
                error_at(
                    &self.pos(node),
                    format_args!(
                        "{shown} needs `dbms=\"sqlite\"` (or `{system}.db.dbms=sqlite` in \
                         `{conf_name}`)"
                    ),
                )
            })?,
        };
        if !dbms.eq_ignore_ascii_case("sqlite") {
            let at = if node.attribute("dbms").is_some() {
                self.attr_pos(node, "dbms")
            } else {
                self.pos(node)
            };
            return Err(error_at(
                &at,
                format_args!(
                    "{shown}: `{dbms}` needs a database server; only SQLite databases \
                     (`dbms=\"sqlite\"`) are supported"
                ),
            ));
        }
        for server in ["host", "port", "user", "password", "schema"] {
            if node.attribute(server).is_some() {
                return Err(self.err_attr(
                    node,
                    server,
                    "an SQLite database is a file and has no server settings",
                ));
            }
        }
        let database = match node.attribute("database") {
            Some(name) => name.trim().to_owned(),
            None => setting("database").unwrap_or_else(|| id.clone()),
        };
        if database.is_empty() || database.contains(['/', '\\']) || database.starts_with('.') {
            return Err(error_at(
                &self.pos(node),
                format_args!(
                    "{shown}: the database name `{database}` cannot be used as a file name"
                ),
            ));
        }
        Ok(DatabaseDecl {
            pos: self.pos(node),
            id,
            file_name: format!("{database}.sqlite"),
        })
    }

    /// `<mongodb>`: refused, as every database server is.
    pub(super) fn mongodb(&self, node: Node<'_, '_>) -> anyhow::Error {
        let id = node.attribute("id").unwrap_or("");
        error_at(
            &self.pos(node),
            format_args!(
                "`<mongodb id=\"{id}\">`: MongoDB needs a database server; only SQLite databases \
                 (`<database dbms=\"sqlite\">`) are supported"
            ),
        )
    }

    /// `<execute uri="*.sql" target="db">`: the script is read now and run when reached.
    pub(super) fn execute_sql(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<Execute> {
        self.check_attrs(node, &["uri", "target", "type"])?;
        let uri = self.required(node, "uri")?.trim();
        if !uri.ends_with(".sql") {
            return Err(self.err_attr(
                node,
                "uri",
                format_args!(
                    "`{uri}`: `<execute>` runs SQL scripts (`*.sql`) against a `<database>` \
                     and Python files (`*.scr.py`); other files are not supported yet"
                ),
            ));
        }
        if let Some(ty) = node.attribute("type")
            && !ty.trim().eq_ignore_ascii_case("sql")
        {
            return Err(self.err_attr(
                node,
                "type",
                format_args!("`{ty}`: only `sql` scripts run yet"),
            ));
        }
        let target = self.required(node, "target")?.trim();
        if !ctx.databases.iter().any(|d| d.id == target) {
            return Err(self.unknown_database(node, "target", target, ctx));
        }
        let base = Path::new(&*self.source.name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = crate::project_files::resolve(&ctx.root, &base, uri)
            .map_err(|e| self.err_attr(node, "uri", e))?;
        let text = std::fs::read_to_string(&path)
            .map_err(|e| self.err_attr(node, "uri", format_args!("cannot read `{uri}`: {e}")))?;
        Ok(Execute {
            pos: self.pos(node),
            db: target.to_owned(),
            file: base.join(uri).display().to_string(),
            text,
        })
    }

    /// An error for `name`, which is no declared database.
    pub(super) fn unknown_database(
        &self,
        node: Node<'_, '_>,
        attr: &str,
        name: &str,
        ctx: &Ctx<'_>,
    ) -> anyhow::Error {
        let ids = ctx.databases.iter().map(|d| d.id.as_str());
        let hint = did_you_mean(name, ids).unwrap_or_else(|| {
            if ctx.databases.is_empty() {
                "; declare it first with `<database id=\"...\" dbms=\"sqlite\"/>`".to_owned()
            } else {
                let ids: Vec<&str> = ctx.databases.iter().map(|d| d.id.as_str()).collect();
                format!("; declared: {}", ids.join(", "))
            }
        });
        self.err_attr(
            node,
            attr,
            format_args!("no `<database>` `{name}` is declared before{hint}"),
        )
    }

    /// `source="db"` with `selector="SELECT …"`, or with `type="TABLE"` (on a generate, the
    /// generate's name by default): the rows the query returns when the run reaches it.
    pub(super) fn db_source(
        &self,
        node: Node<'_, '_>,
        db: &str,
        cyclic: bool,
        distribution: Distribution,
    ) -> Result<RowSource> {
        if node.attribute("separator").is_some() && node.tag_name().name() == "variable" {
            return Err(self.err_attr(node, "separator", "a database source has no separator"));
        }
        let (sql, pos, exact, name) = match node.attribute("selector") {
            Some(selector) => {
                if node.attribute("type").is_some() {
                    return Err(self.err_attr(
                        node,
                        "type",
                        "a database source reads a `selector` or a table (`type`), not both",
                    ));
                }
                let raw = node
                    .attributes()
                    .find(|a| a.name() == "selector")
                    .map(|a| &self.doc.input_text()[a.range_value()]);
                (
                    selector.to_owned(),
                    self.attr_pos(node, "selector"),
                    raw == Some(selector),
                    format!("the `selector` of database `{db}`"),
                )
            }
            None => {
                let table = match (node.attribute("type"), node.tag_name().name()) {
                    (Some(table), _) => table.trim(),
                    (None, "generate") => self.required(node, "name")?.trim(),
                    (None, _) => {
                        return Err(self.err_attr(
                            node,
                            "source",
                            format_args!(
                                "database `{db}` needs a `selector` (`SELECT …`) or a table \
                                 (`type`)"
                            ),
                        ));
                    }
                };
                (
                    format!("SELECT * FROM \"{}\"", table.replace('"', "\"\"")),
                    self.attr_pos(node, "source"),
                    false,
                    format!("table `{table}` of database `{db}`"),
                )
            }
        };
        Ok(RowSource {
            pos: self.attr_pos(node, "source"),
            rows: Rows::Db(Arc::new(DbRows::new(db.to_owned(), sql, pos, exact, name))),
            cyclic,
            distribution,
        })
    }

    /// `<reference name source sourceType sourceKey>`: a value of column `sourceKey` of table
    /// `sourceType` in database `source`, drawn per record (`distribution="ordered"` and
    /// `cyclic` take the rows in order instead).
    pub(super) fn reference(&self, node: Node<'_, '_>, ctx: &Ctx<'_>) -> Result<Field> {
        self.check_attrs(
            node,
            &[
                "name",
                "source",
                "sourceType",
                "sourceKey",
                "distribution",
                "cyclic",
            ],
        )?;
        let name = self.required(node, "name")?.to_owned();
        self.key_name(node, ctx, &name)?;
        let db = self.required(node, "source")?.trim();
        if !ctx.databases.iter().any(|d| d.id == db) {
            return Err(self.unknown_database(node, "source", db, ctx));
        }
        let table = self.required(node, "sourceType")?.trim();
        let column = self.required(node, "sourceKey")?.trim();
        let distribution = match node.attribute("distribution").map(str::trim) {
            None | Some("random") => Distribution::Random,
            Some("ordered") => Distribution::Ordered,
            Some(other) => {
                return Err(self.err_attr(
                    node,
                    "distribution",
                    format_args!("`{other}` is neither `random` nor `ordered`"),
                ));
            }
        };
        let cyclic = match node.attribute("cyclic").map(str::trim) {
            None | Some("False" | "false") => false,
            Some("True" | "true") => true,
            Some(other) => {
                return Err(self.err_attr(
                    node,
                    "cyclic",
                    format_args!("`{other}` is neither `True` nor `False`"),
                ));
            }
        };
        // Backticks: SQLite never reads them as a string literal, as it may double quotes.
        let quote = |name: &str| format!("`{}`", name.replace('`', "``"));
        let source = RowSource {
            pos: self.attr_pos(node, "source"),
            rows: Rows::Db(Arc::new(DbRows::new(
                db.to_owned(),
                format!("SELECT {} FROM {}", quote(column), quote(table)),
                self.attr_pos(node, "sourceType"),
                false,
                format!("column `{column}` of table `{table}` of database `{db}`"),
            ))),
            cyclic,
            distribution,
        };
        Ok(Field {
            pos: self.pos(node),
            name,
            source: ValueSource::Reference(source),
            ty: None,
            null_quota: 0.0,
            converters: Vec::new(),
            in_date_format: None,
            out_date_format: None,
            elements: Vec::new(),
        })
    }
}
