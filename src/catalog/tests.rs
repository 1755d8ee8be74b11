//! The catalog's data and matching rules, on the bundled data: every trap the product promises.

use super::Catalog;
use crate::diet::{Attribute, Trigger};
use crate::ingredients::parse_line;

fn triggers(line: &str) -> Vec<Trigger> {
    let c = Catalog::bundled();
    let m = c.match_line(&parse_line(line));
    assert!(m.food.is_some(), "{line:?} should match a catalog food");
    m.triggers.to_vec()
}

fn food_of(line: &str) -> Option<String> {
    let c = Catalog::bundled();
    c.match_line(&parse_line(line)).food.map(|i| c.food(i).id.clone())
}

fn has(line: &str, t: Trigger) -> bool {
    triggers(line).contains(&t)
}

#[test]
fn bundled_catalog_is_valid_and_large() {
    let c = Catalog::bundled();
    assert!(c.foods().len() >= 400, "catalog has only {} foods", c.foods().len());
    let with_fiber = c.foods().iter().filter(|f| f.fiber.is_some()).count();
    assert!(with_fiber * 2 > c.foods().len(), "most foods should carry a USDA fiber value");
}

#[test]
fn gluten_traps() {
    for line in [
        "2 tbsp soy sauce",
        "1 tbsp shoyu",
        "1 tbsp malt vinegar",
        "1 cup pearl barley",
        "200 g spelt flour",
        "2 slices rye bread",
        "1 cup couscous",
        "200 g seitan",
        "1 bottle beer",
        "1 cup bulgur wheat",
        "2 cups rolled oats",
        "1 cup oats",
        "100 g farro",
        "1 cup semolina",
        "2 cups plain flour",
    ] {
        assert!(has(line, Trigger::Gluten), "{line:?} must carry gluten");
    }
    for line in [
        "1 cup buckwheat groats",
        "100 g buckwheat flour",
        "1 cup rice flour",
        "4 corn tortillas",
        "200 g 100% buckwheat soba noodles",
        "1 cup quinoa",
        "1 cup millet",
        "2 tbsp tamari",
        "1 cup certified gluten-free rolled oats",
        "1 cup gluten-free oats",
        "1 cup polenta",
        "1 cup brown rice",
    ] {
        assert!(!has(line, Trigger::Gluten), "{line:?} must not carry gluten");
    }
}

#[test]
fn dairy_traps() {
    for line in [
        "1 cup almond milk",
        "1 cup unsweetened almond milk",
        "1 cup soy milk",
        "1 (14 oz) can coconut milk",
        "1 cup coconut yogurt",
        "2 tbsp peanut butter",
        "2 tbsp almond butter",
        "1 tbsp cocoa butter",
        "1 tsp cream of tartar",
        "1 butternut squash",
        "1 can butter beans",
        "1 cup oat milk",
        "1 head butter lettuce",
        "2 tbsp nutritional yeast",
        "1 cup coconut cream",
    ] {
        assert!(!has(line, Trigger::Dairy), "{line:?} must not carry dairy");
    }
    for line in [
        "1 cup lactose-free milk",
        "2 tbsp butter",
        "1 cup milk",
        "1 cup greek yogurt",
        "50 g parmesan",
        "1 tbsp ghee",
        "1 cup kefir",
        "1/2 cup heavy cream",
        "1 cup buttermilk",
        "1 can sweetened condensed milk",
    ] {
        assert!(has(line, Trigger::Dairy), "{line:?} must carry dairy");
    }
}

#[test]
fn sugar_traps() {
    for line in ["1 cup sugar snap peas", "1 sugar pumpkin", "2 sweet potatoes", "1 cup sweetcorn", "4 medjool dates", "1 cup blueberries"]
    {
        assert!(!has(line, Trigger::Sugar), "{line:?} must not carry sugar");
    }
    for line in [
        "2 tbsp honey",
        "3 tbsp maple syrup",
        "1 tbsp agave",
        "1 tbsp molasses",
        "2 tbsp date syrup",
        "1 can sweetened condensed milk",
        "1/2 cup brown sugar",
        "1 tbsp coconut sugar",
        "2 tbsp mirin",
        "1 cup sweetened coconut flakes",
    ] {
        assert!(has(line, Trigger::Sugar), "{line:?} must carry sugar");
    }
    assert!(!has("1 cup unsweetened coconut flakes", Trigger::Sugar));
}

#[test]
fn alcohol_traps() {
    assert!(has("2 tbsp mirin", Trigger::Alcohol) && has("2 tbsp mirin", Trigger::Sugar));
    for line in ["1/2 cup white wine", "1 bottle beer", "2 tbsp sake", "1 tsp vanilla extract"] {
        assert!(has(line, Trigger::Alcohol), "{line:?} must carry alcohol");
    }
    for line in [
        "2 tbsp red wine vinegar",
        "1 tbsp white wine vinegar",
        "1 tbsp sherry vinegar",
        "2 tbsp rice vinegar",
        "1 tbsp balsamic vinegar",
        "1 tbsp apple cider vinegar",
    ] {
        assert!(!has(line, Trigger::Alcohol), "{line:?} must not carry alcohol");
    }
    assert!(!has("1 bottle alcohol-free beer", Trigger::Alcohol));
    assert!(has("1 bottle alcohol-free beer", Trigger::Gluten), "alcohol-free beer is still barley");
}

#[test]
fn qualifiers_only_count_where_they_describe_the_food() {
    assert!(has("2 tbsp soy sauce (or gluten-free tamari)", Trigger::Gluten));
    assert!(has("2 tbsp butter (or vegan butter)", Trigger::Dairy));
    assert!(has("1 tsp sugar, or stevia for sugar-free", Trigger::Sugar));
    assert!(has("1 cup milk, not dairy-free", Trigger::Dairy));
    assert!(has("1 cup milk or dairy-free milk", Trigger::Dairy), "alternatives: any may be used");
    assert!(has("1 cup oat milk or milk", Trigger::Dairy));
    assert!(!has("1 cup oats (certified gluten-free)", Trigger::Gluten));
    assert!(!has("1 cup certified gluten-free rolled oats", Trigger::Gluten));
    assert_eq!(food_of("4 whole cloves").as_deref(), food_of("1 tsp whole cloves").as_deref());
    assert!(food_of("4 whole cloves").is_some());
    // Only words that stood before the name are put back for matching.
    assert_ne!(food_of("1 tsp crushed red pepper"), food_of("1 red pepper, crushed"));
    assert_eq!(food_of("1 red pepper, crushed"), food_of("1 red pepper"));
}

#[test]
fn longest_match_wins() {
    let id = |s: &str| Some(s.to_string());
    assert_eq!(food_of("1 cup almond milk"), id("almond-milk"));
    assert_eq!(food_of("almond milk"), id("almond-milk"));
    assert_eq!(food_of("1 cup milk"), id("milk"));
    assert_eq!(food_of("2 tbsp peanut butter"), id("peanut-butter"));
    assert_eq!(food_of("2 tbsp butter"), id("butter"));
    assert_eq!(food_of("1 cup sugar snap peas"), id("sugar-snap-pea"));
    assert_eq!(food_of("1 cup sugar"), id("sugar"));
    assert_eq!(food_of("3 ripe tomatoes"), id("tomato"), "plurals match the singular food");
    assert_eq!(food_of("1 tomato"), id("tomato"));
    assert_eq!(food_of("1/2 cup pumpkin butter"), id("fruit-butter"), "not dairy butter");
    assert_eq!(food_of("1 can condensed cream of celery soup"), id("condensed-cream-soup"), "not celery");
    assert_eq!(food_of("a pinch of xyzzy powderthing"), None);
}

#[test]
fn gut_attributes_come_from_the_catalog() {
    let c = Catalog::bundled();
    let attrs = |line: &str| {
        let m = c.match_line(&parse_line(line));
        c.food(m.food.unwrap_or_else(|| panic!("{line:?} unmatched"))).attributes.clone()
    };
    assert!(attrs("1 cup sauerkraut").contains(&Attribute::Fermented));
    assert!(attrs("1/2 cup kimchi").contains(&Attribute::Fermented));
    assert!(attrs("1 cup kefir").contains(&Attribute::Fermented));
    assert!(!attrs("2 tbsp soy sauce").contains(&Attribute::Fermented), "soy sauce has no live cultures");
    assert!(attrs("1 bunch kale").contains(&Attribute::LeafyGreen));
    assert!(attrs("1 bunch kale").contains(&Attribute::Cruciferous));
    assert!(attrs("1 head broccoli").contains(&Attribute::Cruciferous));
    assert!(attrs("2 cloves garlic").contains(&Attribute::Prebiotic));
    assert!(attrs("1 leek").contains(&Attribute::Prebiotic));
}

#[test]
fn unknown_lines_are_reported_not_passed_as_safe() {
    let c = Catalog::bundled();
    let ex = c.explain("2 tbsp flibbertigibbet");
    assert!(ex.food.is_none());
    assert!(ex.reasons[0].contains("unknown"));
}

#[test]
fn explanations_say_which_entry_and_why() {
    let c = Catalog::bundled();
    let ex = c.explain("1 cup certified gluten-free rolled oats");
    assert!(ex.food.is_some());
    assert!(!ex.triggers.contains(&Trigger::Gluten));
    let text = ex.reasons.join(" ");
    assert!(text.contains("gluten free") && text.contains("removes gluten"), "{text}");
    let ex = c.explain("2 tbsp soy sauce");
    assert!(ex.reasons.join(" ").contains("gluten"), "{:?}", ex.reasons);
}

#[test]
fn families_gather_the_kinds_of_a_food() {
    let c = Catalog::bundled();
    let ids = |id: &str| -> Vec<String> {
        let idx = c.by_id(id).unwrap_or_else(|| panic!("{id} missing"));
        c.family(idx).into_iter().map(|i| c.food(i).id.clone()).collect()
    };
    let onion = ids("onion");
    assert_eq!(onion[0], "onion", "the food itself comes first");
    assert!(onion.contains(&"red-onion".into()) && onion.contains(&"spring-onion".into()), "{onion:?}");
    assert!(!onion.contains(&"shallot".into()) && !onion.contains(&"leek".into()), "{onion:?}");
    let mushroom = ids("mushroom");
    for m in ["shiitake", "oyster-mushroom", "portobello-mushroom", "porcini"] {
        assert!(mushroom.contains(&m.to_string()), "{m} not in {mushroom:?}");
    }
    let cheese = ids("cheese");
    for m in ["cheddar", "parmesan", "feta", "mozzarella", "halloumi"] {
        assert!(cheese.contains(&m.to_string()), "{m} not in {cheese:?}");
    }
    assert_eq!(c.find_food("cheese").map(|i| c.food(i).id.clone()).as_deref(), Some("cheese"));
    // Chains: cooked brown rice → brown rice → rice.
    let rice = ids("rice");
    assert!(rice.contains(&"brown-rice".into()) && rice.contains(&"cooked-brown-rice".into()), "{rice:?}");
    assert_eq!(ids("red-onion"), vec!["red-onion".to_string()], "a leaf is its own family");
}

#[test]
fn several_foods_in_one_line_are_parts() {
    let c = Catalog::bundled();
    let parts = |line: &str| -> Vec<(Option<String>, bool)> {
        c.match_line(&parse_line(line)).parts.iter().map(|p| (p.food.map(|i| c.food(i).id.clone()), p.alternative)).collect()
    };
    let s = |id: &str| Some(id.to_string());
    assert_eq!(parts("2 tbsp coconut oil"), vec![(s("coconut-oil"), false)], "a simple line has one part");
    assert_eq!(parts("Oil and butter, for frying"), vec![(s("vegetable-oil"), false), (s("butter"), false)]);
    assert_eq!(parts("3 tbsp coconut oil (or unsalted butter)"), vec![(s("coconut-oil"), false), (s("butter"), true)]);
    assert_eq!(parts("1/2 cup sherry/broth"), vec![(s("sherry"), false), (s("vegetable-stock"), true)]);
    assert_eq!(parts("1 cup plain or coconut yogurt"), vec![(s("yogurt"), false), (s("coconut-yogurt"), true)]);
    assert_eq!(parts("1/4 c. half-and-half"), vec![(s("cream"), false)], "one food with 'and' in its name");
    assert_eq!(parts("salt and vinegar crisps"), vec![(s("potato-crisps"), false)]);
    // Note words that are not alternatives of a food are ignored.
    for line in
        ["Salt (or more to taste)", "1 tbsp fresh thyme (or 1 tsp dried)", "2 cups water (or as needed)", "1 garlic clove, finely chopped"]
    {
        assert_eq!(parts(line).len(), 1, "{line:?}: {:?}", parts(line));
    }

    // The primary food is the first part; the triggers are the union.
    let m = c.match_line(&parse_line("2 tbsp each honey and soy sauce"));
    assert_eq!(m.food, c.by_id("honey"));
    for t in [Trigger::Sugar, Trigger::Gluten, Trigger::Soy] {
        assert!(m.triggers.contains(t), "{t:?}");
    }
    // Any part that matches nothing makes the line unknown, but the parts still say what matched.
    let m = c.match_line(&parse_line("1 tbsp honey and frobnitz"));
    assert_eq!(m.food, None);
    assert_eq!(m.unknown_parts, vec!["frobnitz".to_string()]);
    assert_eq!(m.parts[0].food, c.by_id("honey"));
    // Qualifiers still count per alternative: any alternative may be used.
    assert!(has("2 tbsp regular or gluten-free soy sauce", Trigger::Gluten));
    assert!(!has("2 tbsp gluten-free soy sauce", Trigger::Gluten));
}

#[test]
fn partial_matches_are_marked() {
    let c = Catalog::bundled();
    let partial = |line: &str| c.match_line(&parse_line(line)).partial;
    assert!(partial("1 packet onion soup mix"));
    assert!(partial("1 can tomato soup"));
    assert!(!partial("1 can condensed cream of celery soup"));
    assert!(!partial("2 cups day-old bread cubes"), "shape words do not make a match partial");
    assert!(!partial("1 tsp garlic powder"));
    let ex = c.explain("1 packet onion soup mix");
    assert!(ex.partial);
    assert!(ex.reasons.join(" ").contains("Only part of"), "{:?}", ex.reasons);
}

#[test]
fn explanations_name_every_contributing_food() {
    let c = Catalog::bundled();
    let ex = c.explain("2 tbsp each honey and soy sauce");
    let text = ex.reasons.join(" ");
    assert!(text.contains("honey (sugar)") && text.contains("soy sauce (gluten, soy)"), "{text}");
    assert_eq!(ex.parts.len(), 2);
    let ex = c.explain("3 tbsp coconut oil (or unsalted butter)");
    assert!(ex.reasons.join(" ").contains("alternative butter (dairy)"), "{:?}", ex.reasons);
    assert!(ex.triggers.contains(&Trigger::Dairy));
    let ex = c.explain("1 tbsp honey and frobnitz");
    assert!(ex.food.is_none());
    let text = ex.reasons.join(" ");
    assert!(text.contains("\"honey\" matched") && text.contains("frobnitz") && text.contains("unknown"), "{text}");
    assert_eq!(ex.unknown_parts, vec!["frobnitz".to_string()]);
}

#[test]
fn cooked_states_are_their_own_foods() {
    for (line, id) in [
        ("1 cup cooked quinoa", "cooked-quinoa"),
        ("1 cup quinoa, cooked", "cooked-quinoa"),
        ("2 cups leftover cooked rice", "cooked-rice"),
        ("1 cup brown rice, cooked", "cooked-brown-rice"),
        ("1 cup quinoa", "quinoa"),
        ("1 cup quinoa, rinsed", "quinoa"),
    ] {
        assert_eq!(food_of(line).as_deref(), Some(id), "{line:?}");
    }
}
