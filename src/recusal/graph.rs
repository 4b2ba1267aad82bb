//! The relationship graph: people, units and villages as nodes; relations,
//! current units, postings and hometowns as edges (petgraph).

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::ids::{PersonIx, Place, UnitIx, VillageIx};
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Person(PersonIx),
    Unit(UnitIx),
    Village(VillageIx),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edge {
    /// A relation of the given kind (index into the scenario's relations).
    Relation {
        index: usize,
    },
    /// Current work unit.
    WorksAt,
    /// An earlier or ongoing posting (index into the person's postings).
    Posting {
        index: usize,
    },
    Hometown,
}

/// The relationship graph of a scenario. Node `i` for `i < people.len()` is
/// person `i`; units and villages follow.
#[derive(Debug, Clone)]
pub struct RelationGraph {
    graph: UnGraph<Node, Edge>,
    units_at: usize,
    villages_at: usize,
}

impl RelationGraph {
    pub fn build(s: &Scenario) -> Self {
        let mut graph = UnGraph::with_capacity(
            s.people.len() + s.units.len() + s.villages.len(),
            s.relations.len() + 2 * s.people.len(),
        );
        for p in s.person_ixs() {
            graph.add_node(Node::Person(p));
        }
        let units_at = graph.node_count();
        for u in s.unit_ixs() {
            graph.add_node(Node::Unit(u));
        }
        let villages_at = graph.node_count();
        for v in 0..s.villages.len() as u32 {
            graph.add_node(Node::Village(VillageIx(v)));
        }
        let mut g = RelationGraph {
            graph,
            units_at,
            villages_at,
        };
        for (index, r) in s.relations.iter().enumerate() {
            g.graph
                .add_edge(g.person(r.a), g.person(r.b), Edge::Relation { index });
        }
        for p in s.person_ixs() {
            let person = s.person(p);
            if let Some(place) = person.unit {
                g.graph.add_edge(g.person(p), g.place(place), Edge::WorksAt);
            }
            if let Some(place) = person.hometown {
                g.graph
                    .add_edge(g.person(p), g.place(place), Edge::Hometown);
            }
            for (index, post) in person.postings.iter().enumerate() {
                g.graph
                    .add_edge(g.person(p), g.place(post.place), Edge::Posting { index });
            }
        }
        g
    }

    pub fn person(&self, p: PersonIx) -> NodeIndex {
        NodeIndex::new(p.ix())
    }

    pub fn place(&self, place: Place) -> NodeIndex {
        match place {
            Place::Unit(u) => NodeIndex::new(self.units_at + u.ix()),
            Place::Village(v) => NodeIndex::new(self.villages_at + v.ix()),
        }
    }

    /// The people related to `p`, with the relation's index, in a fixed
    /// order (by person index, then relation index).
    pub fn related(&self, p: PersonIx) -> Vec<(PersonIx, usize)> {
        let mut out: Vec<(PersonIx, usize)> = self
            .graph
            .edges(self.person(p))
            .filter_map(|e| match e.weight() {
                Edge::Relation { index } => {
                    let other = if e.source() == self.person(p) {
                        e.target()
                    } else {
                        e.source()
                    };
                    match self.graph[other] {
                        Node::Person(q) => Some((q, *index)),
                        _ => None,
                    }
                }
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}
