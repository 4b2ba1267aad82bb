//! A design-theoretic start for the term search (issue 14.3).
//!
//! When the same people serve in a stretch of rounds, in `q` groups of one
//! size `s`, with `q` a prime power and `s ≤ q`, the rounds can be seated
//! from the affine plane over the finite field GF(q): label the people
//! `(j, x)` with `j < s` and `x ∈ GF(q)`; in round `m` group `b` holds
//! `(j, m·j + b)` for every `j`. Two people of different `j` share a group in
//! exactly one of these `q` rounds, and two of the same `j` in none, so the
//! `q` rounds repeat no pair. When `s` divides `q` one more round splits each
//! `j` into groups of `s`: `q + 1` rounds without a repeated pair (the
//! resolvable transversal design; for `s = q` the whole affine plane, the
//! most rounds possible).
//!
//! The seating ignores units and every other rule, so it is only a
//! candidate: it is used when every seat keeps the hard rules (someone in
//! each group may lead it, nobody meets a unit they must recuse from,
//! skills, retired members, kin and `apart` pairs), and the search keeps it
//! only when it runs longer before the first repeated pair than the
//! round-by-round term. A local search alone stalls short of these terms:
//! on 32 people in 8 groups of 4 it reaches 8 rounds, the design 9.

use super::improve::Term;

/// GF(q) for a prime power q: addition and multiplication tables over the
/// element indices `0..q` (0 and 1 are the field's zero and one).
struct Field {
    q: usize,
    add: Vec<usize>,
    mul: Vec<usize>,
}

impl Field {
    /// The field of `q` elements, when `q` is a prime power (at most 64).
    fn new(q: usize) -> Option<Field> {
        if !(2..=64).contains(&q) {
            return None;
        }
        let p = (2..=q).find(|&p| q.is_multiple_of(p))?;
        let mut k = 0;
        let mut rest = q;
        while rest.is_multiple_of(p) {
            rest /= p;
            k += 1;
        }
        if rest != 1 {
            return None;
        }
        // Elements are polynomials of degree < k over GF(p), their
        // coefficients the base-p digits of the index.
        let digits = |mut a: usize| -> Vec<usize> {
            (0..k)
                .map(|_| {
                    let d = a % p;
                    a /= p;
                    d
                })
                .collect()
        };
        let index = |ds: &[usize]| ds.iter().rev().fold(0, |a, &d| a * p + d);
        let add: Vec<usize> = (0..q * q)
            .map(|ab| {
                let (a, b) = (digits(ab / q), digits(ab % q));
                let sum: Vec<usize> = a.iter().zip(&b).map(|(x, y)| (x + y) % p).collect();
                index(&sum)
            })
            .collect();
        // Multiplication modulo a monic polynomial of degree k: the first
        // (by index) whose table has no zero divisors is irreducible.
        let times = |a: usize, b: usize, modulus: &[usize]| -> usize {
            let (a, b) = (digits(a), digits(b));
            let mut prod = vec![0; 2 * k];
            for (i, x) in a.iter().enumerate() {
                for (j, y) in b.iter().enumerate() {
                    prod[i + j] = (prod[i + j] + x * y) % p;
                }
            }
            // Reduce: x^k = -(modulus[0] + modulus[1] x + …).
            for d in (k..2 * k).rev() {
                let c = prod[d];
                if c != 0 {
                    prod[d] = 0;
                    for (i, m) in modulus.iter().enumerate() {
                        prod[d - k + i] = (prod[d - k + i] + (p - c) * m) % p;
                    }
                }
            }
            index(&prod[..k])
        };
        let mul = (0..q).find_map(|low| {
            let modulus = digits(low);
            let mul: Vec<usize> = (0..q * q)
                .map(|ab| times(ab / q, ab % q, &modulus))
                .collect();
            let domain = (1..q).all(|a| (1..q).all(|b| mul[a * q + b] != 0));
            domain.then_some(mul)
        })?;
        Some(Field { q, add, mul })
    }

    fn add(&self, a: usize, b: usize) -> usize {
        self.add[a * self.q + b]
    }

    fn mul(&self, a: usize, b: usize) -> usize {
        self.mul[a * self.q + b]
    }
}

/// The rounds of the design for `q` groups of `s` (people as labels
/// `j * q + x`): `q` rounds, and one more when `s` divides `q`.
fn rounds(field: &Field, s: usize) -> Vec<Vec<Vec<usize>>> {
    let q = field.q;
    let mut out: Vec<Vec<Vec<usize>>> = (0..q)
        .map(|m| {
            (0..q)
                .map(|b| {
                    (0..s)
                        .map(|j| j * q + field.add(field.mul(m, j), b))
                        .collect()
                })
                .collect()
        })
        .collect();
    if q.is_multiple_of(s) {
        out.push(
            (0..s)
                .flat_map(|j| (0..q / s).map(move |c| (0..s).map(|i| j * q + c * s + i).collect()))
                .collect(),
        );
    }
    out
}

/// The term's first rounds seated from the design, the rounds after them
/// as planned; `None` when the term's start does not have the design's
/// shape or a seat would break a hard rule.
pub(crate) fn seed(t: &Term) -> Option<Vec<Vec<Vec<usize>>>> {
    let first = t.rounds.first()?;
    let q = first.groups.len();
    let s = first.groups[0].len();
    if s < 2 || s > q || first.groups.iter().any(|g| g.len() != s) {
        return None;
    }
    let field = Field::new(q)?;
    let mut people: Vec<usize> = first.groups.iter().flatten().copied().collect();
    people.sort_unstable();
    let same = |groups: &[Vec<usize>]| {
        let mut ps: Vec<usize> = groups.iter().flatten().copied().collect();
        ps.sort_unstable();
        groups.len() == q && groups.iter().all(|g| g.len() == s) && ps == people
    };
    let design = rounds(&field, s);
    let stretch = t
        .rounds
        .iter()
        .take(design.len())
        .take_while(|r| same(&r.groups))
        .count();
    if stretch < 2 {
        return None;
    }
    let mut out: Vec<Vec<Vec<usize>>> = t.rounds.iter().map(|r| r.groups.clone()).collect();
    for (r, round) in design.iter().take(stretch).enumerate() {
        for (g, labels) in round.iter().enumerate() {
            let mut members: Vec<usize> = labels.iter().map(|&l| people[l]).collect();
            // Whoever may lead this group's units first.
            let leader = members.iter().position(|&a| t.seat_ok(r, g, a, true))?;
            members.swap(0, leader);
            if !t.group_ok(r, g, &members) {
                return None;
            }
            out[r][g] = members;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of labels shares a group at most once over the design's
    /// rounds, which are partitions of all `q * s` labels into groups of `s`.
    fn check(q: usize, s: usize, expected_rounds: usize) {
        let field = Field::new(q).expect("a prime power");
        let design = rounds(&field, s);
        assert_eq!(design.len(), expected_rounds, "q={q} s={s}");
        let n = q * s;
        let mut met = vec![false; n * n];
        for round in &design {
            let mut seen: Vec<usize> = round.iter().flatten().copied().collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>(), "q={q} s={s}");
            for g in round {
                assert_eq!(g.len(), s);
                for (i, &a) in g.iter().enumerate() {
                    for &b in &g[i + 1..] {
                        assert!(!met[a * n + b], "q={q} s={s}: {a} and {b} meet twice");
                        met[a * n + b] = true;
                    }
                }
            }
        }
    }

    #[test]
    fn the_design_repeats_no_pair() {
        check(8, 4, 9); // the social golfer shape: 9 rounds
        check(4, 4, 5); // the affine plane of order 4: 5 rounds, every pair once
        check(9, 3, 10);
        check(5, 3, 5);
        check(7, 7, 8);
        check(16, 5, 16);
    }

    #[test]
    fn only_prime_powers_make_a_field() {
        for q in [2, 3, 4, 5, 7, 8, 9, 11, 16, 25, 27, 32, 49, 64] {
            let f = Field::new(q).unwrap_or_else(|| panic!("GF({q})"));
            // Every non-zero element has an inverse.
            assert!((1..q).all(|a| (1..q).any(|b| f.mul(a, b) == 1)), "GF({q})");
        }
        for q in [0, 1, 6, 10, 12, 15, 18, 20, 24, 81, 128] {
            assert!(Field::new(q).is_none(), "{q} is not a prime power");
        }
    }
}
