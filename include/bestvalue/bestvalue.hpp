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
#include <bestvalue/version.hpp>
