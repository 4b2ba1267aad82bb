//! A small min-cost flow: successive shortest paths found by a queue-based
//! Bellman–Ford, integer capacities and costs. It prices the seat
//! assignment behind the split bound ([`super::cutoff`]): a few dozen
//! people, a few dozen seat nodes, a flow of a few dozen. petgraph has a
//! max flow but no min-cost flow, and this one is short enough to check
//! against brute force (see the tests).

use std::collections::VecDeque;

#[derive(Debug, Clone)]
struct Edge {
    to: usize,
    cap: i64,
    cost: i64,
}

/// A directed network; each edge is stored with its reverse (residual) edge.
#[derive(Debug, Clone)]
pub struct Network {
    edges: Vec<Edge>,
    out: Vec<Vec<usize>>,
}

impl Network {
    pub fn new(nodes: usize) -> Self {
        Network {
            edges: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    /// An edge `from → to` carrying up to `cap` at `cost` per unit.
    pub fn edge(&mut self, from: usize, to: usize, cap: i64, cost: i64) {
        self.out[from].push(self.edges.len());
        self.edges.push(Edge { to, cap, cost });
        self.out[to].push(self.edges.len());
        self.edges.push(Edge {
            to: from,
            cap: 0,
            cost: -cost,
        });
    }

    /// The least cost of sending `want` units from `source` to `sink`, or
    /// `None` when the network cannot carry that much.
    pub fn min_cost(&mut self, source: usize, sink: usize, want: i64) -> Option<i64> {
        let n = self.out.len();
        let mut sent = 0;
        let mut total = 0;
        while sent < want {
            // Shortest path in the residual network (costs may be negative
            // on reverse edges; there is no negative cycle after each
            // shortest-path augmentation).
            let mut dist = vec![i64::MAX; n];
            let mut via = vec![usize::MAX; n];
            let mut queued = vec![false; n];
            let mut queue = VecDeque::from([source]);
            dist[source] = 0;
            while let Some(v) = queue.pop_front() {
                queued[v] = false;
                for &e in &self.out[v] {
                    let edge = &self.edges[e];
                    if edge.cap > 0 && dist[v] + edge.cost < dist[edge.to] {
                        dist[edge.to] = dist[v] + edge.cost;
                        via[edge.to] = e;
                        if !queued[edge.to] {
                            queued[edge.to] = true;
                            queue.push_back(edge.to);
                        }
                    }
                }
            }
            if dist[sink] == i64::MAX {
                return None;
            }
            let mut push = want - sent;
            let mut v = sink;
            while v != source {
                let e = via[v];
                push = push.min(self.edges[e].cap);
                v = self.edges[e ^ 1].to;
            }
            let mut v = sink;
            while v != source {
                let e = via[v];
                self.edges[e].cap -= push;
                self.edges[e ^ 1].cap += push;
                v = self.edges[e ^ 1].to;
            }
            sent += push;
            total += push * dist[sink];
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Assign each of `rows` to at most one of `cols` (each taking up to
    /// its capacity), `want` assignments in all, by trying everything.
    fn brute(costs: &[Vec<Option<i64>>], caps: &[i64], want: usize) -> Option<i64> {
        fn walk(
            costs: &[Vec<Option<i64>>],
            left: &mut Vec<i64>,
            at: usize,
            want: usize,
        ) -> Option<i64> {
            if want == 0 {
                return Some(0);
            }
            if at == costs.len() {
                return None;
            }
            let mut best = walk(costs, left, at + 1, want);
            for (c, cost) in costs[at].iter().enumerate() {
                if let (Some(cost), true) = (cost, left[c] > 0) {
                    left[c] -= 1;
                    if let Some(rest) = walk(costs, left, at + 1, want - 1) {
                        best = Some(best.map_or(cost + rest, |b| b.min(cost + rest)));
                    }
                    left[c] += 1;
                }
            }
            best
        }
        walk(costs, &mut caps.to_vec(), 0, want)
    }

    fn by_flow(costs: &[Vec<Option<i64>>], caps: &[i64], want: usize) -> Option<i64> {
        let rows = costs.len();
        let cols = caps.len();
        let (source, sink) = (rows + cols, rows + cols + 1);
        let mut net = Network::new(rows + cols + 2);
        for (r, row) in costs.iter().enumerate() {
            net.edge(source, r, 1, 0);
            for (c, cost) in row.iter().enumerate() {
                if let Some(cost) = cost {
                    net.edge(r, rows + c, 1, *cost);
                }
            }
        }
        for (c, cap) in caps.iter().enumerate() {
            net.edge(rows + c, sink, *cap, 0);
        }
        net.min_cost(source, sink, want as i64)
    }

    #[test]
    fn the_least_cost_assignment_matches_brute_force() {
        // A fixed pseudo-random stream: 300 small assignment problems.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        for _ in 0..300 {
            let rows = 1 + next(6) as usize;
            let cols = 1 + next(3) as usize;
            let costs: Vec<Vec<Option<i64>>> = (0..rows)
                .map(|_| {
                    (0..cols)
                        .map(|_| (next(4) > 0).then(|| next(9) as i64))
                        .collect()
                })
                .collect();
            let caps: Vec<i64> = (0..cols).map(|_| 1 + next(3) as i64).collect();
            let want = 1 + next(rows as u64) as usize;
            assert_eq!(
                by_flow(&costs, &caps, want),
                brute(&costs, &caps, want),
                "{costs:?} {caps:?} {want}"
            );
        }
    }

    #[test]
    fn a_flow_the_network_cannot_carry_is_none() {
        let mut net = Network::new(3);
        net.edge(0, 1, 2, 5);
        net.edge(1, 2, 1, 0);
        assert_eq!(net.min_cost(0, 2, 2), None);
        let mut net = Network::new(3);
        net.edge(0, 1, 2, 5);
        net.edge(1, 2, 2, 0);
        assert_eq!(net.min_cost(0, 2, 2), Some(10));
    }
}
