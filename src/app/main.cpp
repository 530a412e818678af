// Lifecycle Studio: open the window, start the app, run frames. The platform (web or native) hides
// the main-loop plumbing.
#include "app/app.h"
#include "platform/platform.h"

int main() {
    if (!lcs::platform::init({})) return 1;

    // Intentionally never deleted: on the web the main loop outlives main().
    auto* app = new lcs::App();
    app->start();

    lcs::platform::run_main_loop({
        [app] { app->before_frame(); },
        [app] { app->frame(); },
    });
    return 0;
}
