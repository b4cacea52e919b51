//! `minCount`/`maxCount` (DATAMIMIC's): a count drawn between two bounds, both included. On a
//! `<generate>` it is drawn once per run (from the run seed and the generate's place), on a list
//! `<nestedKey>` once per record from the record's own stream.

use anyhow::Result;
use roxmltree::Node;

use super::{Ctx, Parser};

impl Parser<'_, '_> {
    /// `minCount` (default 0) and `maxCount` of `node`, or `None` without either; `count` may
    /// not be given with them.
    pub(super) fn count_range(
        &self,
        node: Node<'_, '_>,
        ctx: &Ctx<'_>,
    ) -> Result<Option<(u64, u64)>> {
        let min = self.value(node, "minCount", ctx)?;
        let max = self.value(node, "maxCount", ctx)?;
        if min.is_none() && max.is_none() {
            return Ok(None);
        }
        let given = if min.is_some() {
            "minCount"
        } else {
            "maxCount"
        };
        if node.attribute("count").is_some() {
            return Err(self.err_attr(
                node,
                given,
                "`minCount`/`maxCount` draw the count: leave out `count`",
            ));
        }
        let Some(max) = max else {
            return Err(self.err_attr(node, "minCount", "needs a `maxCount`"));
        };
        let max = self.parse_u64(node, "maxCount", &max)?;
        let min = match min {
            Some(min) => self.parse_u64(node, "minCount", &min)?,
            None => 0,
        };
        if min > max {
            return Err(self.err_attr(
                node,
                "minCount",
                format_args!("{min} is above `maxCount` {max}"),
            ));
        }
        Ok(Some((min, max)))
    }
}
