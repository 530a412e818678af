// Data commands: validate, summary, generate, bench-load (import: cli_import.cpp).
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli_common.h"
#include "commands.h"
#include "core/customer_facts.h"
#include "core/demo_generator.h"
#include "core/workspace_io.h"

namespace lcs::cli {

namespace {

// Loads a workspace file; prints why not and returns nullopt on failure (exit_code set: 2 unreadable, 1 invalid).
std::optional<Workspace> load_file(const std::string& path, int& exit_code) {
    std::string text, error;
    if (!read_file(path, text, error)) {
        std::fprintf(stderr, "lifecycle: %s\n", error.c_str());
        exit_code = 2;
        return std::nullopt;
    }
    LoadResult result = load_workspace_json(text);
    if (!result.ok()) {
        std::fprintf(stderr, "%s: %zu problem(s)\n", path.c_str(), result.problems.size());
        print_problems(result.problems);
        exit_code = 1;
        return std::nullopt;
    }
    print_problems(result.warnings);  // text repaired on load: the command goes on with the repair
    return std::move(result.workspace);
}

bool save_to(const std::string& path, const std::string& text) {
    std::string error;
    if (write_file(path, text, error)) return true;
    std::fprintf(stderr, "lifecycle: %s\n", error.c_str());
    return false;
}

int usage_error(const char* message) {
    std::fprintf(stderr, "lifecycle: %s\n", message);
    return 2;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int cmd_validate(const Args& args) {
    const std::vector<std::string> files = positionals(args);
    if (files.size() != 1) return usage_error("usage: lifecycle validate FILE.json");
    std::string text, error;
    if (!read_file(files[0], text, error)) {
        std::fprintf(stderr, "lifecycle: %s\n", error.c_str());
        return 2;
    }
    const LoadResult result = load_workspace_json(text);
    if (!result.ok()) {
        for (const Problem& problem : result.problems) std::printf("%s\n", problem.to_string().c_str());
        std::fprintf(stderr, "%s: invalid (%zu problem(s) listed)\n", files[0].c_str(), result.problems.size());
        return 1;
    }
    // Repaired text (workspace.repaired_text) is listed, but the file is usable.
    for (const Problem& warning : result.warnings) std::printf("%s\n", warning.to_string().c_str());
    const WorkspaceSummary summary = summarize_workspace(*result.workspace);
    std::printf("%s: valid workspace, %zu customers, %zu transactions\n", files[0].c_str(), summary.customers,
                summary.transactions);
    return 0;
}

int cmd_summary(const Args& args) {
    const std::vector<std::string> files = positionals(args);
    if (files.size() != 1) return usage_error("usage: lifecycle summary FILE.json [--json]");
    int exit_code = 0;
    const std::optional<Workspace> workspace = load_file(files[0], exit_code);
    if (!workspace) return exit_code;
    const WorkspaceSummary summary = summarize_workspace(*workspace);
    const std::string first = summary.first_date ? to_iso(*summary.first_date) : "";
    const std::string last = summary.last_date ? to_iso(*summary.last_date) : "";
    const double revenue = std::round(summary.revenue * 100) / 100;
    if (has_flag(args, "--json")) {
        const auto quoted = [](const std::string& text) { return text.empty() ? std::string("null") : "\"" + text + "\""; };
        std::printf("{\"customers\": %zu, \"transactions\": %zu, \"interactions\": %zu, \"first_date\": %s, "
                    "\"last_date\": %s, \"revenue\": %s}\n",
                    summary.customers, summary.transactions, summary.interactions, quoted(first).c_str(),
                    quoted(last).c_str(), Json(revenue).dump().c_str());
        return 0;
    }
    std::printf("workspace:    %s\n", workspace->meta.name.c_str());
    std::printf("customers:    %zu\n", summary.customers);
    std::printf("transactions: %zu\n", summary.transactions);
    std::printf("interactions: %zu\n", summary.interactions);
    std::printf("first date:   %s\n", first.empty() ? "-" : first.c_str());
    std::printf("last date:    %s\n", last.empty() ? "-" : last.c_str());
    std::printf("revenue:      %.2f %s\n", revenue, workspace->meta.currency.c_str());
    return 0;
}

int cmd_generate(const Args& args) {
    const std::vector<std::string> value_options = {"-o", "--customers", "--transactions", "--seed", "--indent"};
    const std::vector<std::string> kinds = positionals(args, value_options);
    const std::optional<std::string> out = option_value(args, "-o");
    if (kinds.size() != 1 || !out)
        return usage_error("usage: lifecycle generate ecommerce|saas|bench [--customers N] [--transactions M] [--seed S] "
                           "[--indent K] -o OUT.json");
    const auto number = [&](const char* name, long long fallback, long long low, long long high, long long& value) {
        value = fallback;
        const std::optional<std::string> text = option_value(args, name);
        if (!text) return true;
        const std::optional<long long> parsed = parse_integer(*text);
        if (!parsed || *parsed < low || *parsed > high) return false;
        value = *parsed;
        return true;
    };
    const std::string& kind = kinds[0];
    long long customers = 0, transactions = 0, seed = 0, indent = 0;
    const long long default_customers = kind == "saas" ? 800 : kind == "bench" ? 100000 : 5000;
    if (!number("--customers", default_customers, 1, 10000000, customers) ||
        !number("--transactions", customers * 10, 0, 100000000, transactions) ||
        !number("--seed", 2024, 0, INT64_MAX, seed) || !number("--indent", 0, -1, 8, indent))
        return usage_error("--customers, --transactions, --seed and --indent take whole numbers in range");
    Workspace workspace;
    if (kind == "ecommerce") workspace = generate_ecommerce_demo(static_cast<uint64_t>(seed), static_cast<int>(customers));
    else if (kind == "saas") workspace = generate_saas_demo(static_cast<uint64_t>(seed), static_cast<int>(customers));
    else if (kind == "bench") workspace = generate_bench_workspace(static_cast<uint64_t>(seed), static_cast<int>(customers), transactions);
    else return usage_error("generate: KIND must be ecommerce, saas or bench");
    const std::string text = save_workspace_json(workspace, static_cast<int>(indent));
    if (!save_to(*out, text)) return 2;
    const WorkspaceSummary summary = summarize_workspace(workspace);
    std::printf("wrote %s: %zu customers, %zu transactions, %zu interactions, %zu bytes\n", out->c_str(), summary.customers,
                summary.transactions, summary.interactions, text.size());
    return 0;
}

int cmd_bench_load(const Args& args) {
    long long customers = 100000, transactions = 1000000;
    if (const auto text = option_value(args, "--customers")) customers = parse_integer(*text).value_or(-1);
    if (const auto text = option_value(args, "--transactions")) transactions = parse_integer(*text).value_or(-1);
    if (customers < 1 || customers > 10000000 || transactions < 0 || transactions > 100000000)
        return usage_error("usage: lifecycle bench-load [--customers N] [--transactions M]");

    auto start = std::chrono::steady_clock::now();
    const Workspace workspace = generate_bench_workspace(1, static_cast<int>(customers), transactions);
    const double generate_ms = elapsed_ms(start);
    start = std::chrono::steady_clock::now();
    std::string text = save_workspace_json(workspace, 0);
    const double save_ms = elapsed_ms(start);
    const std::string path =
        (std::filesystem::temp_directory_path() / ("lifecycle-bench-" + std::to_string(getpid()) + ".json")).string();
    if (!save_to(path, text)) return 2;
    text.clear();
    text.shrink_to_fit();

    start = std::chrono::steady_clock::now();
    std::string error;
    const bool read = read_file(path, text, error);
    const double read_ms = elapsed_ms(start);
    std::remove(path.c_str());
    if (!read) {
        std::fprintf(stderr, "lifecycle: %s\n", error.c_str());
        return 2;
    }
    start = std::chrono::steady_clock::now();
    const LoadResult result = load_workspace_json(text);
    const double load_ms = elapsed_ms(start);
    if (!result.ok()) {
        print_problems(result.problems);
        return 1;
    }
    const WorkspaceSummary summary = summarize_workspace(*result.workspace);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double megabytes = static_cast<double>(text.size()) / (1024.0 * 1024.0);
    std::printf("customers:        %zu\n", summary.customers);
    std::printf("transactions:     %zu\n", summary.transactions);
    std::printf("json size:        %.1f MiB\n", megabytes);
    std::printf("generate:         %.0f ms\n", generate_ms);
    std::printf("save (to text):   %.0f ms\n", save_ms);
    std::printf("read file:        %.0f ms\n", read_ms);
    std::printf("load (parse+validate): %.0f ms (%.0f MiB/s, %.2f us per transaction)\n", load_ms,
                megabytes / (load_ms / 1000.0), summary.transactions ? load_ms * 1000.0 / summary.transactions : 0.0);
    std::printf("peak RSS:         %.0f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}

}  // namespace lcs::cli
