#include <bestvalue/version.hpp>

#include "bindings.hpp"
#include "id_list.hpp"

PYBIND11_MODULE(_core, module) {
    module.doc() = "bestvalue's compiled core; use the bestvalue package, which re-exports it";
    module.attr("__version__") = bestvalue::version;
    bestvalue::python::bind_errors(module);
    bestvalue::python::bind_calendar(module);
    bestvalue::python::bind_model(module);
    bestvalue::python::bind_table(module);
    bestvalue::python::bind_query(module);
    bestvalue::python::bind_selections(module);
    bestvalue::python::bind_store(module);
    bestvalue::python::bind_database(module);
    bestvalue::python::bind_table_functions(module);
    bestvalue::python::bind_action_query(module);
    bestvalue::python::bind_slippage(module);
    bestvalue::python::bind_coverage(module);
    bestvalue::python::bind_rules(module);
    bestvalue::python::bind_ratings(module);
    bestvalue::python::IdStrings::let_go_at_exit();
}
