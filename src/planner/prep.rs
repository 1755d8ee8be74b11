//! The ferment prep timeline: when to start each ferment so it is ready when the plan eats it.

use super::model::{Candidate, Request, Slot};
use super::score::start_by;
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
}

pub fn prep_tasks(cands: &[Candidate], req: &Request, slots: &[Slot]) -> Vec<PrepTask> {
    let mut tasks: Vec<PrepTask> = Vec::new();
    for s in slots {
        let Some(r) = s.recipe else { continue };
        let Some(lead) = cands[r].lead_minutes.filter(|&m| m > 0) else { continue };
        let Some(date) = req.start.checked_add_days(Days::new(u64::from(s.day))) else { continue };
        let Some(start) = start_by(date, lead) else { continue };
        match tasks.iter_mut().find(|t| t.recipe == r) {
            Some(t) if t.for_date <= date => {}
            Some(t) => {
                t.for_date = date;
                t.start_by = start;
            }
            None => tasks.push(PrepTask { recipe: r, start_by: start, for_date: date, late: false }),
        }
    }
    for t in &mut tasks {
        t.late = req.today.is_some_and(|today| t.start_by < today);
    }
    tasks.sort_by_key(|t| (t.start_by, t.recipe));
    tasks
}
