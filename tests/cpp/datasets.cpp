#include "datasets.hpp"

#include <utility>

#include <bestvalue/io/json.hpp>

namespace bestvalue::testing {

std::string examples_dir() {
    return std::string(BESTVALUE_TEST_DATA_DIR) + "/../../examples/data/";
}

const std::vector<std::string>& seed_datasets() {
    static const std::vector<std::string> names = {
        "000-oxfordshire-cpa-improvement-strategy-2003.json",
        "001-oxfordshire-raising-our-performance-2003.json",
        "002-city-council-best-value-programme-2003.json",
        "003-rochford-cpa-improvement-plan-2009.json",
        "004-cannock-chase-direction-of-travel-2009.json",
    };
    return names;
}

const Store& five_papers() {
    static const Store store = [] {
        Store loaded;
        for (const auto& name : seed_datasets()) {
            read_json_file(loaded, examples_dir() + name);
        }
        return loaded;
    }();
    return store;
}

Contents council_with_a_plan() {
    Contents contents;
    Organisation council;
    council.id = "council";
    council.name = "A Council";
    contents.organisations.push_back(council);
    Plan plan;
    plan.id = "council/plan";
    plan.title = "Plan";
    plan.organisation = "council";
    contents.plans.push_back(plan);
    return contents;
}

Action council_action(std::size_t number) {
    Action action;
    action.id = "council/plan/" + std::to_string(number);
    action.plan = "council/plan";
    action.ref = std::to_string(number);
    return action;
}

Officer officer(std::string id, std::string organisation, std::string post,
                std::string abbreviation) {
    Officer made;
    made.id = std::move(id);
    made.organisation = std::move(organisation);
    made.post = std::move(post);
    made.abbreviation = std::move(abbreviation);
    return made;
}

} // namespace bestvalue::testing
