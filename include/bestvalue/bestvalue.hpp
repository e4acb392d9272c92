#pragma once

/// \file
/// The whole public API of bestvalue in one include.

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/calendar/recurrence.hpp>
#include <bestvalue/calendar/season.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/model/document.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/officer.hpp>
#include <bestvalue/model/organisation.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/progress.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/model/record.hpp>
#include <bestvalue/model/scale.hpp>
#include <bestvalue/model/service_area.hpp>
#include <bestvalue/model/vocabulary.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/table.hpp>
#include <bestvalue/store.hpp>
#include <bestvalue/version.hpp>
