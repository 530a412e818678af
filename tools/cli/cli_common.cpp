#include "cli_common.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/workspace_io.h"

namespace lcs::cli {

std::optional<std::string> option_value(const Args& args, const char* name) {
    const size_t length = std::strlen(name);
    std::optional<std::string> found;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == name) {
            if (i + 1 < args.size()) found = args[i + 1];
            ++i;
        } else if (arg.size() > length && arg.compare(0, length, name) == 0 && arg[length] == '=') {
            found = arg.substr(length + 1);
        }
    }
    return found;
}

bool has_flag(const Args& args, const char* name) {
    for (const std::string& arg : args)
        if (arg == name) return true;
    return false;
}

std::vector<std::string> positionals(const Args& args, const std::vector<std::string>& value_options) {
    std::vector<std::string> out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        bool takes_value = false;
        for (const std::string& option : value_options)
            if (arg == option) takes_value = true;
        if (takes_value) {
            ++i;
            continue;
        }
        // "-" alone and negative numbers are values, not options.
        const bool is_option = arg.size() > 1 && arg[0] == '-' && !(arg[1] >= '0' && arg[1] <= '9');
        if (!is_option) out.push_back(arg);
    }
    return out;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        error = "cannot open '" + path + "': " + std::strerror(errno);
        return false;
    }
    out.clear();
    char buffer[1 << 16];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) out.append(buffer, got);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) {
        error = "cannot read '" + path + "'";
        return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::string& text, std::string& error) {
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    const bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    if (!ok || !closed) {
        error = "cannot write '" + path + "'";
        return false;
    }
    return true;
}

std::optional<long long> parse_integer(const std::string& text) {
    if (text.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

void print_problems(const Problems& problems) {
    for (const Problem& problem : problems) std::fprintf(stderr, "%s\n", problem.to_string().c_str());
}

std::optional<Workspace> load_workspace_file(const std::string& path, const char* command) {
    std::string text, error;
    if (!read_file(path, text, error)) {
        std::fprintf(stderr, "%s: %s\n", command, error.c_str());
        return std::nullopt;
    }
    LoadResult loaded = load_workspace_json(text);
    if (!loaded.ok()) {
        print_problems(loaded.problems);
        return std::nullopt;
    }
    print_problems(loaded.warnings);  // text repaired on load: the command goes on with the repair
    return std::move(loaded.workspace);
}

}  // namespace lcs::cli
