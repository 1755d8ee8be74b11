//! The ferment prep timeline: when to start each ferment so it is ready when the plan eats it.

use super::model::{Candidate, Request, Slot};
use super::score::start_by;
use super::search::{fits, repeat_ok};
use chrono::{Days, NaiveDate};

/// Start a ferment: one task per recipe, by the earliest day the plan eats it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrepTask {
    /// Candidate index.
    pub recipe: usize,
    /// The last day to start it.
    pub start_by: NaiveDate,
    /// The first day the plan eats it.
    pub for_date: NaiveDate,
    /// It cannot be ready in time from `Request::today`.
    pub late: bool,
    /// The slot (index) eating it first.
    pub slot: usize,
    /// When late: a ferment (candidate index) that can be ready for that slot instead.
    pub instead: Option<usize>,
}

pub fn prep_tasks(cands: &[Candidate], req: &Request, slots: &[Slot]) -> Vec<PrepTask> {
    let mut tasks: Vec<PrepTask> = Vec::new();
    for (at, s) in slots.iter().enumerate() {
        let Some(r) = s.recipe else { continue };
        let Some(lead) = cands[r].lead_minutes.filter(|&m| m > 0) else { continue };
        let Some(date) = req.start.checked_add_days(Days::new(u64::from(s.day))) else { continue };
        let Some(start) = start_by(date, lead) else { continue };
        match tasks.iter_mut().find(|t| t.recipe == r) {
            Some(t) if t.for_date <= date => {}
            Some(t) => {
                t.for_date = date;
                t.start_by = start;
                t.slot = at;
            }
            None => tasks.push(PrepTask { recipe: r, start_by: start, for_date: date, late: false, slot: at, instead: None }),
        }
    }
    for t in &mut tasks {
        t.late = req.today.is_some_and(|today| t.start_by < today);
        if let (true, Some(today)) = (t.late, req.today) {
            t.instead = quicker_ferment(cands, req, slots, t, today);
        }
    }
    tasks.sort_by_key(|t| (t.start_by, t.recipe));
    tasks
}

/// A ferment that fits the late task's slot and can be ready by then (no lead time, or the
/// shortest), so the plan can offer it.
fn quicker_ferment(cands: &[Candidate], req: &Request, slots: &[Slot], task: &PrepTask, today: NaiveDate) -> Option<usize> {
    let ready = |c: &Candidate| c.lead_minutes.is_none_or(|lead| start_by(task.for_date, lead).is_some_and(|s| s >= today));
    (0..cands.len())
        .filter(|&k| k != task.recipe && cands[k].fermented && ready(&cands[k]))
        .filter(|&k| fits(&cands[k], req, &slots[task.slot]) && repeat_ok(slots, req, task.slot, k))
        .min_by_key(|&k| (cands[k].lead_minutes.unwrap_or(0), k))
}
