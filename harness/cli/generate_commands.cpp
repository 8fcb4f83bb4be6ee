#include "commands.hpp"
namespace hipkb::cli { void add_generate_commands(CLI::App&) {} }
