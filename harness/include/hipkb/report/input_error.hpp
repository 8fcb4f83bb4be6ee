#pragma once
// The one error type of the report module: bad input (a file that is not
// JSON, a field of the wrong type, two shards with the same candidate).
// Its message always names the file, the place in it, and what was expected.
// It is core's JSON reader error, so a failure inside json_fields.hpp and one
// raised by the report itself are caught alike.

#include <hipkb/core/json_fields.hpp>

namespace hipkb::report {

using input_error = hipkb::json_input_error;

}  // namespace hipkb::report
