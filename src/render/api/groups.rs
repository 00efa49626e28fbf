//! The order of the component list: 1-based positions per level and Statuspage's group rows,
//! decided on the configured components and their states, not on the JSON.

use super::Api;
use super::ids::group_id;
use super::shapes::{ComponentJson, timestamp};
use crate::model::ComponentStatus;
use crate::status;

/// A top-level row of the component list.
enum Row<'a> {
    /// A component outside any group, by its index in the configuration.
    Single(usize),
    /// A group, listed where its first member is configured, with its members' indexes.
    Group {
        id: String,
        name: &'a str,
        members: Vec<usize>,
    },
}

impl Api<'_> {
    /// Positions (1-based, per level) and group rows: Statuspage lists a group as a
    /// component with `group: true`, before its members, which point to it with `group_id`.
    /// Members follow their group row even when the configuration interleaves groups.
    pub(super) fn number_and_group(&mut self) {
        let default = self.site.config.default_lang();
        let states = &self.site.status.components;
        let mut rows: Vec<Row> = Vec::new();
        for (index, state) in states.iter().enumerate() {
            let Some(name) = state
                .component
                .group
                .as_ref()
                .map(|g| g.get(default, default))
            else {
                rows.push(Row::Single(index));
                continue;
            };
            // Groups are told apart by id: names that differ only in case or punctuation
            // are one group, under the first one's name.
            let id = group_id(name);
            let existing = rows.iter_mut().find_map(|row| match row {
                Row::Group {
                    id: other, members, ..
                } if *other == id => Some(members),
                _ => None,
            });
            match existing {
                Some(members) => members.push(index),
                None => rows.push(Row::Group {
                    id,
                    name,
                    members: vec![index],
                }),
            }
        }
        let json = std::mem::take(&mut self.components);
        let mut ordered = Vec::with_capacity(json.len() + rows.len());
        for (position, row) in (1..).zip(rows) {
            let (id, name, members) = match row {
                Row::Single(index) => {
                    ordered.push(ComponentJson {
                        position,
                        ..json[index].clone()
                    });
                    continue;
                }
                Row::Group { id, name, members } => (id, name, members),
            };
            let worst = members
                .iter()
                .map(|&m| states[m].status)
                .max_by_key(|&s| status::rank(s))
                .unwrap_or(ComponentStatus::Operational);
            let updated = members.iter().map(|&m| self.updated(&states[m])).max();
            ordered.push(ComponentJson {
                id: id.clone(),
                name: name.to_string(),
                status: worst.as_str(),
                updated_at: updated.map(timestamp).unwrap_or_default(),
                position,
                description: None,
                group: true,
                components: Some(members.iter().map(|&m| json[m].id.clone()).collect()),
                ..json[members[0]].clone()
            });
            ordered.extend((1..).zip(&members).map(|(position, &m)| ComponentJson {
                position,
                group_id: Some(id.clone()),
                ..json[m].clone()
            }));
        }
        self.components = ordered;
    }
}
