//! Filling a plan: a greedy pass slot by slot, then local search until nothing improves: replace
//! one slot's recipe, or move a recipe to another slot and give that slot its best other recipe
//! (a swap, or a recipe freed for a better place), whenever the whole plan scores better; then
//! kicks (a few slots changed at random, local search again, the better plan kept) while a
//! work budget lasts. Hard constraints are never broken: the meal fits the slot, the time fits
//! the meal's limit, fixed slots stay, no recipe comes back within `no_repeat_days`.

use super::fast::Scorer;
use super::leftovers;
use super::model::{Candidate, Request, Slot};

/// Candidates tried per slot: the best by their own merit plus a seeded random sample, so a
/// 10,000-recipe library costs no more than a few hundred per slot.
const SHORTLIST: usize = 120;
/// Recipes tried to refill a slot whose recipe moved (the shortlist's best by merit first).
const PAIR_REFILL: usize = 40;
/// Local-search passes over all slots at most (each pass stops early when nothing improves).
const PASSES: usize = 10;
/// Once local search stops, kicks: a few slots get random recipes and local search runs again
/// from there, and the better plan is kept (iterated local search). They run while the search
/// has scored fewer plans than this, so a small library gets many and a big one (whose first
/// descent costs more) few, and the time stays bounded. Counted in evaluations, not in time,
/// so a seed gives the same plan on every machine.
const KICK_BUDGET: u64 = 30_000;
/// Kicks at most, however cheap.
const KICKS: usize = 40;
/// Slots a kick changes.
const KICK_SLOTS: usize = 3;

/// SplitMix64: a seeded sequence that is the same on every platform and in every version, so
/// `--seed N` gives the same plan forever (`rand`'s `StdRng` promises neither). Eight lines.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Whether candidate `c` may go in slot `s` at all (meal and time).
pub fn fits(c: &Candidate, req: &Request, s: &Slot) -> bool {
    let limit = req.max_minutes.iter().find(|(m, _)| *m == s.meal).map(|(_, max)| *max);
    c.meals.contains(&s.meal) && limit.is_none_or(|max| c.active_minutes.is_some_and(|m| m <= max))
}

/// Whether putting `r` in slot `at` keeps every other use of `r` `no_repeat_days` away. A
/// dinner and the lunch eating its leftovers are one use: the days of both count.
pub fn repeat_ok(slots: &[Slot], req: &Request, at: usize, r: usize) -> bool {
    let here = &slots[at];
    let window = req.no_repeat_days.max(1);
    let group = |s: &Slot| std::ptr::eq(s, here) || req.linked(s, here);
    slots
        .iter()
        .filter(|s| s.recipe == Some(r) && !group(s))
        .all(|s| slots.iter().filter(|g| group(g)).all(|g| s.day.abs_diff(g.day) >= window))
}

/// A candidate's merit on its own, to rank the shortlist.
fn merit(c: &Candidate, req: &Request) -> f64 {
    let w = &req.weights;
    w.fermented_day * f64::from(u8::from(c.fermented))
        + w.plant * c.plants.len() as f64
        + w.fiber_gram * c.fiber_per_serving.unwrap_or(0.0).min(w.fiber_target_g)
}

/// Per meal of the request, the candidates to try: the best by merit, then a seeded sample.
fn shortlists(cands: &[Candidate], req: &Request, rng: &mut SplitMix) -> Vec<Vec<usize>> {
    req.meals
        .iter()
        .map(|&meal| {
            let probe = Slot { day: 0, meal, recipe: None, fixed: false };
            let mut fit: Vec<usize> = (0..cands.len()).filter(|&i| fits(&cands[i], req, &probe)).collect();
            if fit.len() <= SHORTLIST {
                return fit;
            }
            fit.sort_by(|&a, &b| merit(&cands[b], req).total_cmp(&merit(&cands[a], req)).then(a.cmp(&b)));
            let (best, rest) = fit.split_at_mut(SHORTLIST / 2);
            let mut list = best.to_vec();
            for k in 0..(SHORTLIST - list.len()).min(rest.len()) {
                let j = k + (rng.next_u64() % (rest.len() - k) as u64) as usize;
                rest.swap(k, j);
                list.push(rest[k]);
            }
            list
        })
        .collect()
}

/// Fills every unfixed slot of `slots` (fixed ones and their recipes are kept) with the best
/// plan it finds. Slots no candidate can fill stay empty.
pub fn fill(cands: &[Candidate], req: &Request, slots: &mut [Slot]) {
    let mut rng = SplitMix::new(req.seed);
    let lists = shortlists(cands, req, &mut rng);
    // A little seeded noise breaks ties, so different seeds give different (equally good) weeks.
    let noise: Vec<f64> = (0..cands.len()).map(|_| rng.unit() * 0.5).collect();
    let mut scorer = Scorer::new(cands, req);
    // Leftover slots follow their dinner; they are never planned on their own.
    let sources = leftovers::sources(req, slots);
    for at in 0..slots.len() {
        if slots[at].recipe.is_some() && sources.contains(&Some(at)) {
            leftovers::put(slots, &sources, at, slots[at].recipe);
        }
    }
    let ctx = Ctx { cands, req, lists: &lists, sources: &sources };

    // Greedy: each empty slot in turn gets the candidate that raises the total most.
    for at in 0..slots.len() {
        if !ctx.open(&slots[at]) || slots[at].recipe.is_some() {
            continue;
        }
        let best = best_for(&mut scorer, cands, req, slots, &sources, at, ctx.list(&slots[at]), Some(&noise));
        leftovers::put(slots, &sources, at, best.map(|(r, _)| r));
    }
    let mut best_total = improve(&ctx, &mut scorer, slots);
    let mut best = slots.to_vec();
    // A kick's descent costs about what the first one did: none starts that would overrun.
    let descent = scorer.evaluations;
    for _ in 0..KICKS {
        if scorer.evaluations + descent > KICK_BUDGET {
            break;
        }
        kick(&ctx, slots, &mut rng);
        let total = improve(&ctx, &mut scorer, slots);
        if total > best_total + 1e-9 {
            best_total = total;
            best.copy_from_slice(slots);
        } else {
            slots.copy_from_slice(&best);
        }
    }
    // Moves in the last pass may have freed a recipe for a slot left empty before it.
    for at in 0..slots.len() {
        if ctx.open(&slots[at]) && slots[at].recipe.is_none() {
            let best = best_for(&mut scorer, cands, req, slots, &sources, at, ctx.list(&slots[at]), None);
            leftovers::put(slots, &sources, at, best.map(|(r, _)| r));
        }
    }
}

/// What the local search works with.
struct Ctx<'a> {
    cands: &'a [Candidate],
    req: &'a Request,
    lists: &'a [Vec<usize>],
    sources: &'a [Option<usize>],
}

impl Ctx<'_> {
    fn list(&self, s: &Slot) -> &[usize] {
        self.req.meals.iter().position(|&m| m == s.meal).map_or(&[][..], |i| &self.lists[i])
    }
    /// A slot the search may change: not fixed, not a lunch of leftovers.
    fn open(&self, s: &Slot) -> bool {
        !s.fixed && !self.req.is_leftover(s)
    }
}

/// Gives `KICK_SLOTS` open slots, drawn at random, a random recipe that may go there.
fn kick(ctx: &Ctx, slots: &mut [Slot], rng: &mut SplitMix) {
    let open: Vec<usize> = (0..slots.len()).filter(|&i| ctx.open(&slots[i])).collect();
    if open.is_empty() {
        return;
    }
    for _ in 0..KICK_SLOTS {
        let at = open[(rng.next_u64() % open.len() as u64) as usize];
        let list = ctx.list(&slots[at]);
        if list.is_empty() {
            continue;
        }
        let r = list[(rng.next_u64() % list.len() as u64) as usize];
        if fits(&ctx.cands[r], ctx.req, &slots[at]) && repeat_ok(slots, ctx.req, at, r) {
            leftovers::put(slots, ctx.sources, at, Some(r));
        }
    }
}

/// Local search from `slots` as they are: replace one slot's recipe whenever the whole plan gets
/// better; once that stops helping, pairs of slots. Returns the total reached.
fn improve(ctx: &Ctx, scorer: &mut Scorer, slots: &mut [Slot]) -> f64 {
    let Ctx { cands, req, sources, .. } = *ctx;
    let mut current = scorer.total(slots);
    for _ in 0..PASSES {
        let mut improved = false;
        for at in 0..slots.len() {
            if !ctx.open(&slots[at]) {
                continue;
            }
            let keep = slots[at].recipe;
            // No noise here: a move is taken only for a better plan.
            if let Some((r, total)) = best_for(scorer, cands, req, slots, sources, at, ctx.list(&slots[at]), None) {
                // An empty slot is always filled (a meal beats none, even one that costs points).
                if (total > current + 1e-9 || keep.is_none()) && Some(r) != keep {
                    leftovers::put(slots, sources, at, Some(r));
                    current = total;
                    improved = true;
                }
            }
        }
        // Once single replacements stop helping: pairs of slots, what one replacement cannot
        // do (move a fiber-rich dinner to the day short of fiber, a ferment to the day without).
        if !improved {
            for a in 0..slots.len() {
                for b in 0..slots.len() {
                    if a == b || !ctx.open(&slots[a]) || !ctx.open(&slots[b]) {
                        continue;
                    }
                    let list = ctx.list(&slots[b]);
                    let list = &list[..list.len().min(PAIR_REFILL)];
                    if let Some(total) = move_if_better(scorer, cands, req, slots, sources, (a, b), list, current) {
                        current = total;
                        improved = true;
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }
    current
}

/// The candidate of `list` that gives the best total in slot `at` (other slots as they are),
/// with that total (without the noise), its leftovers following it. Leaves `slots` as it found them.
#[allow(clippy::too_many_arguments)]
fn best_for(
    scorer: &mut Scorer,
    cands: &[Candidate],
    req: &Request,
    slots: &mut [Slot],
    sources: &[Option<usize>],
    at: usize,
    list: &[usize],
    noise: Option<&[f64]>,
) -> Option<(usize, f64)> {
    let keep = slots[at].recipe;
    let mut best: Option<(usize, f64, f64)> = None;
    for &r in list {
        if !fits(&cands[r], req, &slots[at]) || !repeat_ok(slots, req, at, r) {
            continue;
        }
        leftovers::put(slots, sources, at, Some(r));
        let total = scorer.total(slots);
        let ranked = total + noise.map_or(0.0, |n| n[r]);
        if best.is_none_or(|(_, _, b)| ranked > b) {
            best = Some((r, total, ranked));
        }
    }
    leftovers::put(slots, sources, at, keep);
    best.map(|(r, total, _)| (r, total))
}

/// Moves slot `b`'s recipe to slot `a` and gives `b` its best recipe of `list` (`a`'s old one
/// included: a swap), if that beats `current`; returns the new total. Otherwise leaves `slots`
/// as they were.
#[allow(clippy::too_many_arguments)]
fn move_if_better(
    scorer: &mut Scorer,
    cands: &[Candidate],
    req: &Request,
    slots: &mut [Slot],
    sources: &[Option<usize>],
    (a, b): (usize, usize),
    list: &[usize],
    current: f64,
) -> Option<f64> {
    let (keep_a, keep_b) = (slots[a].recipe, slots[b].recipe);
    let moved = keep_b.filter(|&r| keep_a != Some(r) && fits(&cands[r], req, &slots[a]))?;
    leftovers::put(slots, sources, a, Some(moved));
    leftovers::put(slots, sources, b, None);
    let mut best: Option<(usize, f64)> = None;
    if repeat_ok(slots, req, a, moved) {
        // The swap: `a`'s recipe goes to `b`.
        if let Some(ra) = keep_a.filter(|&ra| fits(&cands[ra], req, &slots[b]) && repeat_ok(slots, req, b, ra)) {
            leftovers::put(slots, sources, b, Some(ra));
            best = Some((ra, scorer.total(slots)));
            leftovers::put(slots, sources, b, None);
        }
        // Or the best of the shortlist's head.
        if let Some((r, total)) = best_for(scorer, cands, req, slots, sources, b, list, None) {
            if best.is_none_or(|(_, t)| total > t) {
                best = Some((r, total));
            }
        }
    }
    if let Some((r, total)) = best.filter(|&(_, t)| t > current + 1e-9) {
        leftovers::put(slots, sources, b, Some(r));
        return Some(total);
    }
    leftovers::put(slots, sources, a, keep_a);
    leftovers::put(slots, sources, b, keep_b);
    None
}
