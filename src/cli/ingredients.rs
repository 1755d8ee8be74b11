//! `gutsy ingredients …`

use super::CliError;
use clap::Subcommand;
use gutsy::catalog::Catalog;
use gutsy::ingredients::{parse_line, IngredientLine, Measure};
use gutsy::quantity::Amount;
use serde_json::{json, Value};
use std::io::{BufRead, Write};

#[derive(Subcommand)]
pub enum Command {
    /// Parse ingredient lines (from arguments, or one per stdin line).
    Parse {
        /// Print one JSON object per line.
        #[arg(long)]
        json: bool,
        /// Lines to parse; none reads standard input.
        lines: Vec<String>,
    },
    /// Explain which catalog food a line matches and why it carries its triggers.
    Explain {
        #[arg(long)]
        json: bool,
        line: String,
    },
}

pub fn run(cmd: Command) -> Result<(), CliError> {
    let catalog = Catalog::bundled();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::Parse { json, lines } => {
            let mut emit = |text: &str| -> Result<(), CliError> {
                let line = parse_line(text);
                if json {
                    writeln!(out, "{}", serde_json::to_string(&line_json(catalog, &line))?)?;
                } else {
                    writeln!(out, "{}", describe(catalog, &line))?;
                }
                Ok(())
            };
            if lines.is_empty() {
                for (i, l) in std::io::stdin().lock().lines().enumerate() {
                    let l = l.map_err(|e| CliError::Usage(format!("stdin line {}: {e}", i + 1)))?;
                    emit(&l)?;
                }
            } else {
                for l in &lines {
                    emit(l)?;
                }
            }
        }
        Command::Explain { json, line } => {
            let ex = catalog.explain(&line);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&ex)?)?;
            } else {
                // Plain words first, as the recipe screen shows them; the steps after.
                writeln!(out, "{}", line.trim())?;
                writeln!(out, "{}", ex.headline)?;
                for s in &ex.summary {
                    writeln!(out, "  {s}")?;
                }
                writeln!(out, "Details:")?;
                for r in &ex.reasons {
                    writeln!(out, "  {r}")?;
                }
                let t: Vec<&str> = ex.triggers.iter().map(|t| t.as_str()).collect();
                let verdict = match (&ex.food, t.is_empty()) {
                    (None, _) => "unknown food".to_string(),
                    (Some(_), true) => "no triggers".to_string(),
                    (Some(_), false) => t.join(", "),
                };
                writeln!(out, "  → triggers: {verdict}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn amount_json(a: &Option<Amount>) -> Value {
    match a {
        None => Value::Null,
        Some(Amount::Exact { value }) => json!({ "value": value.to_f64() }),
        Some(Amount::Range { min, max }) => json!({ "min": min.to_f64(), "max": max.to_f64() }),
    }
}

/// The JSON shape of `ingredients parse --json` (documented in the README).
pub fn line_json(catalog: &Catalog, line: &IngredientLine) -> Value {
    let m = catalog.match_line(line);
    let food = m.food.map(|i| catalog.food(i));
    json!({
        "input": line.input,
        "quantity": amount_json(&line.quantity),
        "unit": line.unit,
        "name": line.name,
        "food": food.map(|f| f.id.as_str()),
        "note": line.note,
        "optional": line.optional,
        "triggers": m.triggers.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "attributes": food.map(|f| f.attributes.iter().map(|a| a.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
        "alt": line.alt.as_ref().map(measure_json),
        "pack": line.pack.as_ref().map(measure_json),
        "partial": m.partial,
        "parts": m.parts.iter().map(|p| json!({
            "text": p.text,
            "food": p.food.map(|i| catalog.food(i).id.as_str()),
            "alternative": p.alternative,
        })).collect::<Vec<_>>(),
    })
}

/// A second measure of a line (`alt`: "2 cups/240 g"; `pack`: "2 x 400 g"): `{"quantity", "unit"}`.
fn measure_json(m: &Measure) -> Value {
    json!({ "quantity": amount_json(&Some(m.quantity)), "unit": m.unit })
}

fn describe(catalog: &Catalog, line: &IngredientLine) -> String {
    let m = catalog.match_line(line);
    let mut s = String::new();
    if let Some(q) = &line.quantity {
        s.push_str(&q.pretty());
        s.push(' ');
    }
    if let Some(u) = &line.unit {
        s.push_str(u);
        s.push(' ');
    }
    s.push_str(if line.name.is_empty() { "(no food named)" } else { &line.name });
    if let Some(n) = &line.note {
        s.push_str(&format!(" [{n}]"));
    }
    match m.food {
        Some(i) => {
            s.push_str(&format!("  → {}", catalog.food(i).id));
            let t: Vec<&str> = m.triggers.iter().map(|t| t.as_str()).collect();
            if !t.is_empty() {
                s.push_str(&format!(" ({})", t.join(", ")));
            }
        }
        None => s.push_str("  → unknown food"),
    }
    s
}
