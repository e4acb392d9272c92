#pragma once

// What Python is given of a store's entities: copies, which stay valid whatever the store does
// next. Entities are values; actions, which the store keeps compactly, are made from their views.

#include <vector>

#include <bestvalue/model/action_table.hpp>

namespace bestvalue::python {

// An entity as a value of its own, from the store's entity or the view of an action.
template <typename Entity>
const Entity& owned(const Entity& entity) {
    return entity;
}
inline Action owned(const ActionView& action) {
    return action.value();
}

// Copies of the entities a query or lookup found: pointed to, or actions' views.
template <typename Entity>
std::vector<Entity> copies(const std::vector<const Entity*>& found) {
    std::vector<Entity> entities;
    entities.reserve(found.size());
    for (const Entity* entity : found) {
        entities.push_back(*entity);
    }
    return entities;
}
inline std::vector<Action> copies(const std::vector<ActionView>& found) {
    std::vector<Action> actions;
    actions.reserve(found.size());
    for (const ActionView& action : found) {
        actions.push_back(action.value());
    }
    return actions;
}

} // namespace bestvalue::python
