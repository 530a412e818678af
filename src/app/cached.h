// The one way the app caches a derived result: a value together with the key it was built for.
// `get(key, rebuild)` returns the value, calling `rebuild()` first when nothing is cached yet or the
// key changed. Keys say what the value depends on: usually a revision of AppState
// (data_revision(), settings_revision() or the combined revision()) plus the user's inputs, as one
// value or a std::tuple (anything with ==). Cached<Key> (no value type) is the form for caches that
// refresh several fields in place: `if (cache.stale(key)) { ...refill...; }`.
#pragma once
#include <cstdint>
#include <optional>
#include <utility>

namespace lcs {

template <class Key, class T = void>
class Cached {
public:
    // The value for `key`; rebuild() (returns T) runs when the cached one was built for another key.
    template <class Rebuild>
    const T& get(const Key& key, Rebuild&& rebuild) {
        if (!value_ || !(key_ == key)) {
            value_.reset();  // a throwing rebuild leaves the cache empty, not stale
            value_.emplace(std::forward<Rebuild>(rebuild)());
            key_ = key;
            ++builds_;
        }
        return *value_;
    }
    // The value when it was built for `key`, else nullptr (nothing is built).
    const T* find(const Key& key) const { return value_ && key_ == key ? &*value_ : nullptr; }
    // Forgets the value: the next get() rebuilds.
    void invalidate() { value_.reset(); }
    // How many times the value was built (tests check that an edit did not rebuild).
    std::uint64_t builds() const { return builds_; }

private:
    Key key_{};
    std::optional<T> value_;
    std::uint64_t builds_ = 0;
};

// The key-only form: the caller keeps the derived fields and refills them when stale() says so.
template <class Key>
class Cached<Key, void> {
public:
    // True (and `key` remembered) when the fields were filled for another key or never: refill them now.
    bool stale(const Key& key) {
        if (valid_ && key_ == key) return false;
        key_ = key;
        valid_ = true;
        ++builds_;
        return true;
    }
    // True when the fields were filled for `key` (nothing is remembered).
    bool current(const Key& key) const { return valid_ && key_ == key; }
    // The caller filled the fields for `key` by other means (no rebuild is counted).
    void set(const Key& key) {
        key_ = key;
        valid_ = true;
    }
    // The next stale() returns true whatever the key.
    void invalidate() { valid_ = false; }
    std::uint64_t builds() const { return builds_; }

private:
    Key key_{};
    bool valid_ = false;
    std::uint64_t builds_ = 0;
};

}  // namespace lcs
