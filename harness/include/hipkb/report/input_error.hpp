#pragma once
// The one error type of the report module: bad input (a file that is not
// JSON, a field of the wrong type, two shards with the same candidate).
// Its message always names the file, the place in it, and what was expected.

#include <stdexcept>

namespace hipkb::report {

class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace hipkb::report
