// Small helpers every `lifecycle` command uses: argument lookup, whole-file I/O, number parsing.
// Arguments are the tokens after the command name (commands.h `Args`). Options are "--name VALUE"
// or "--name=VALUE"; flags are "--name"; everything else is a positional argument.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "core/problem.h"
#include "core/workspace.h"

namespace lcs::cli {

// Value of option `name` (e.g. "-o", "--seed"): the token after it, or the part after "=" in
// "--seed=7". The last occurrence wins. nullopt when the option is absent or has no value.
std::optional<std::string> option_value(const Args& args, const char* name);

// True when the token `name` (e.g. "--json") appears as a whole argument.
bool has_flag(const Args& args, const char* name);

// Arguments that are neither options nor their values. `value_options` lists the options of the
// command that take a value (their next token is skipped), e.g. {"-o", "--seed"}.
std::vector<std::string> positionals(const Args& args, const std::vector<std::string>& value_options = {});

// Reads a whole file (binary, unchanged). On failure returns false and sets error to a plain message.
bool read_file(const std::string& path, std::string& out, std::string& error);
// Writes text to path (replacing it). On failure returns false and sets error.
bool write_file(const std::string& path, const std::string& text, std::string& error);

// Strict whole-string number parsing; nullopt on any junk, overflow or non-finite value.
std::optional<long long> parse_integer(const std::string& text);
std::optional<double> parse_number(const std::string& text);

// Prints each problem as one line ("[kind] path: message") to stderr.
void print_problems(const Problems& problems);

// Reads and checks a workspace file. On failure prints "<command>: <why>" (unreadable) or the
// workspace's problems to stderr and returns nullopt. command is e.g. "lifecycle project".
std::optional<Workspace> load_workspace_file(const std::string& path, const char* command);

}  // namespace lcs::cli
