//! Whether a ferment is still alive when the dish is eaten. Heat kills live cultures: yogurt in a
//! cake baked at 180 °C, kefir in pancakes and a sourdough loaf are not probiotic, while miso
//! stirred into soup off the heat, yogurt spooned on top and sauerkraut served alongside are.
//!
//! Hand-rolled, and deliberately simple: recipe steps are short imperative sentences, and a
//! handful of heat words decides almost every real case. The rule works on the order of steps.

/// Words of a step that cook what is in the pot or pan hot enough to kill cultures.
const HEAT_WORDS: &[&str] = &[
    "bake",
    "baked",
    "baking",
    "roast",
    "roasted",
    "roasting",
    "boil",
    "boiling",
    "simmer",
    "simmering",
    "fry",
    "frying",
    "fried",
    "sauté",
    "saute",
    "sautee",
    "grill",
    "grilled",
    "broil",
    "oven",
    "microwave",
    "steam",
    "steamed",
    "poach",
    "braise",
    "stew",
    "toast",
    "griddle",
    "pan-fry",
    "stir-fry",
    "cook",
];

/// Phrases that say the heat has stopped before the ingredient goes in.
const OFF_HEAT: &[&str] = &[
    "off the heat",
    "from the heat",
    "remove from heat",
    "cool",
    "cooled",
    "lukewarm",
    "room temperature",
    "to serve",
    "serve",
    "serving",
    "top with",
    "topped with",
    "garnish",
    "alongside",
    "on the side",
    "dollop",
];

fn words(step: &str) -> impl Iterator<Item = String> + '_ {
    step.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Whether a step heats food: a heat word, or a temperature of 60 °C / 140 °F or more.
pub fn heats(step: &str) -> bool {
    if words(step).any(|w| HEAT_WORDS.contains(&w.as_str())) {
        return true;
    }
    hot_temperature(step)
}

fn hot_temperature(step: &str) -> bool {
    let lower = step.to_lowercase();
    let bytes: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let n: u32 = bytes[start..i].iter().collect::<String>().parse().unwrap_or(0);
            let rest: String = bytes[i..bytes.len().min(i + 4)].iter().collect();
            let rest = rest.trim_start();
            let celsius = rest.starts_with("°c") || rest.starts_with("c ") || rest == "c" || rest.starts_with("ºc");
            let fahrenheit = rest.starts_with("°f") || rest.starts_with("f ") || rest == "f" || rest.starts_with("ºf");
            if (celsius && n >= 60) || (fahrenheit && n >= 140) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

fn cools(step: &str) -> bool {
    let lower = step.to_lowercase();
    OFF_HEAT.iter().any(|p| lower.contains(p))
}

/// Whether an ingredient named `name` survives the method `steps` alive.
///
/// It is killed when the first step that mentions it heats (and does not say the heat is off),
/// or when any later step heats. An ingredient no step mentions is alive only if nothing heats.
pub fn survives(name: &str, steps: &[&str]) -> bool {
    survives_any(&[name], steps)
}

/// [`survives`] for an ingredient that steps may call by any of `names` (the line's name, the
/// catalog food's name, its last word): the first step mentioning one of them counts.
pub fn survives_any(names: &[&str], steps: &[&str]) -> bool {
    let needles: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).filter(|n| n.len() > 2).collect();
    let first = steps.iter().position(|s| {
        let l = s.to_lowercase();
        needles.iter().any(|n| l.contains(n.as_str()))
    });
    match first {
        Some(i) => {
            let here = heats(steps[i]) && !cools(steps[i]);
            !here && !steps[i + 1..].iter().any(|s| heats(s))
        }
        None => !steps.iter().any(|s| heats(s)),
    }
}

/// Whether a recipe's own fermentation (its ferment time) is still alive when eaten: no step
/// after the last step that mentions fermenting heats it (a sourdough loaf is baked afterwards).
pub fn ferment_survives(steps: &[&str]) -> bool {
    let ferment_step = steps.iter().rposition(|s| {
        let l = s.to_lowercase();
        ["ferment", "culture", "bubbl", "sour", "brine", "leave", "rest", "set"].iter().any(|w| l.contains(w))
    });
    match ferment_step {
        Some(i) => !steps[i + 1..].iter().any(|s| heats(s) && !cools(s)),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baked_or_boiled_ferments_are_not_alive() {
        let cake = ["Whisk the yogurt, eggs and sugar.", "Fold in the flour.", "Bake at 180 °C for 40 minutes."];
        assert!(!survives("yogurt", &cake));
        let pancakes = ["Mix the kefir with the flour.", "Fry ladlefuls in a hot pan."];
        assert!(!survives("kefir", &pancakes));
        let soup = ["Simmer the miso with the stock for 10 minutes."];
        assert!(!survives("miso", &soup));
        let gratin = ["Stir the sauerkraut into the sausages.", "Put in a 200C oven for 25 min."];
        assert!(!survives("sauerkraut", &gratin));
        let loaf = ["Mix the starter, flour and water.", "Leave to ferment overnight.", "Bake at 230 °C for 45 min."];
        assert!(!ferment_survives(&loaf));
    }

    #[test]
    fn ferments_added_after_cooking_stay_alive() {
        let soup = ["Simmer the vegetables for 20 minutes.", "Take off the heat and stir in the miso."];
        assert!(survives("miso", &soup));
        let bowl = ["Roast the squash at 200 °C.", "Serve with a dollop of yogurt."];
        assert!(survives("yogurt", &bowl));
        let salad = ["Toss the cabbage with the kimchi.", "Eat straight away."];
        assert!(survives("kimchi", &salad));
        let smoothie = ["Blend the kefir and berries until smooth."];
        assert!(survives("kefir", &smoothie));
        let yogurt = ["Heat the milk to 85 °C.", "Cool to 43 °C and stir in the starter.", "Leave to set for 8 hours."];
        assert!(ferment_survives(&yogurt));
        let kraut = ["Shred the cabbage.", "Massage with salt and pack into a jar.", "Ferment for 3 weeks."];
        assert!(ferment_survives(&kraut));
        assert!(!heats("Blend until smooth.") && heats("Preheat oven to 350°F.") && !heats("Chill to 4 °C."));
    }
}
