#include <hipkb/core/process.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hipkb {

namespace {

std::atomic<bool> g_interrupted{false};

void on_interrupt(int) { g_interrupted.store(true); }

// Owns a file descriptor.
class fd_guard {
public:
    explicit fd_guard(int fd = -1) : m_fd(fd) {}
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    ~fd_guard() { reset(); }
    void reset(int fd = -1) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = fd;
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

}  // namespace

void install_interrupt_handler() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_interrupted.load(); }

process_result run_process(const std::vector<std::string>& argv, const process_options& options) {
    process_result result;
    if (argv.empty()) {
        result.how = process_result::end::failed_to_start;
        result.error = "no command given";
        return result;
    }
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        result.how = process_result::end::failed_to_start;
        result.error = fmt::format("pipe: {}", std::strerror(errno));
        return result;
    }
    fd_guard read_end(pipe_fds[0]);
    fd_guard write_end(pipe_fds[1]);
    fd_guard report_read_end;
    fd_guard report_write_end;
    if (options.report_fd >= 0) {
        if (options.report_fd <= STDERR_FILENO) {
            result.how = process_result::end::failed_to_start;
            result.error =
                fmt::format("report_fd {}: expected 3 or above (0-2 are stdin, stdout, stderr)", options.report_fd);
            return result;
        }
        int report_fds[2];
        if (::pipe2(report_fds, O_CLOEXEC) != 0) {
            result.how = process_result::end::failed_to_start;
            result.error = fmt::format("report pipe: {}", std::strerror(errno));
            return result;
        }
        report_read_end.reset(report_fds[0]);
        report_write_end.reset(report_fds[1]);
    }

    std::vector<std::string> env_storage;
    // An extra entry replaces this process's variable of the same name (the
    // C library's getenv would find the first of two).
    const auto overridden = [&](std::string_view entry) {
        const std::string_view name = entry.substr(0, entry.find('='));
        return std::any_of(options.environment.begin(), options.environment.end(), [&](const std::string& extra) {
            return std::string_view(extra).substr(0, extra.find('=')) == name;
        });
    };
    for (char** e = environ; *e; ++e) {
        if (!overridden(*e)) env_storage.emplace_back(*e);
    }
    for (const auto& extra : options.environment) env_storage.push_back(extra);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> args(argv);
    std::vector<char*> c_args;
    for (auto& a : args) c_args.push_back(a.data());
    c_args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDERR_FILENO);
    if (report_write_end.get() >= 0) {
        // dup2 onto a different number clears close-on-exec on the copy.
        posix_spawn_file_actions_adddup2(&actions, report_write_end.get(), options.report_fd);
    }
    if (options.working_directory) {
        posix_spawn_file_actions_addchdir_np(&actions, options.working_directory->c_str());
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own process group, so a timeout kills whatever the child started too.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);

    const auto start = std::chrono::steady_clock::now();
    pid_t pid = -1;
    const int spawn_error = ::posix_spawnp(&pid, c_args[0], &actions, &attributes, c_args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    write_end.reset();
    report_write_end.reset();
    if (spawn_error != 0) {
        result.how = process_result::end::failed_to_start;
        result.error = fmt::format("cannot start {}: {}", argv[0], std::strerror(spawn_error));
        return result;
    }

    bool killed_for_timeout = false;
    bool killed_for_interrupt = false;
    std::optional<std::chrono::steady_clock::time_point> term_sent;
    int status = 0;
    bool reaped = false;
    bool pipe_open = true;
    bool report_open = report_read_end.get() >= 0;
    char buffer[8192];
    // The report is read whole (it is the verdict); a child flooding it is
    // cut off rather than allowed to exhaust this process's memory.
    constexpr std::size_t report_limit = std::size_t{256} << 20;
    const auto read_report = [&] {
        const ssize_t n = ::read(report_read_end.get(), buffer, sizeof buffer);
        if (n > 0 && result.report.size() < report_limit) {
            result.report.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            report_open = false;
        }
    };
    while (!reaped || pipe_open) {
        if (report_open) {
            pollfd report_pfd{report_read_end.get(), POLLIN, 0};
            while (report_open && ::poll(&report_pfd, 1, 0) > 0) read_report();
        }
        if (pipe_open) {
            pollfd pfd{read_end.get(), POLLIN, 0};
            const int ready = ::poll(&pfd, 1, 50);
            if (ready > 0) {
                const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
                if (n > 0) {
                    result.output.append(buffer, static_cast<std::size_t>(n));
                    if (options.echo) {
                        (void)!::write(STDOUT_FILENO, buffer, static_cast<std::size_t>(n));
                    }
                    if (result.output.size() > 2 * options.output_limit) {
                        result.output.erase(0, result.output.size() - options.output_limit);
                    }
                } else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                    pipe_open = false;
                }
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (!reaped) {
            const pid_t done = ::waitpid(pid, &status, WNOHANG);
            if (done == pid) {
                reaped = true;
                if (options.kill_leftovers) ::kill(-pid, SIGKILL);
                // A grandchild may still hold the pipe; do not wait for it forever.
                if (pipe_open) {
                    pollfd pfd{read_end.get(), POLLIN, 0};
                    while (::poll(&pfd, 1, 100) > 0) {
                        const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
                        if (n <= 0) break;
                        result.output.append(buffer, static_cast<std::size_t>(n));
                    }
                    pipe_open = false;
                }
            }
        }
        const auto now = std::chrono::steady_clock::now();
        if (!reaped && !term_sent) {
            if (now - start > options.timeout) {
                killed_for_timeout = true;
            } else if (interrupted()) {
                killed_for_interrupt = true;
            }
            if (killed_for_timeout || killed_for_interrupt) {
                ::kill(-pid, SIGTERM);
                term_sent = now;
            }
        } else if (!reaped && term_sent && now - *term_sent > std::chrono::seconds(2)) {
            ::kill(-pid, SIGKILL);
        }
    }
    // What the child wrote before it ended; a grandchild still holding the
    // write end (kill_leftovers not set) is not waited for.
    if (report_open) {
        pollfd report_pfd{report_read_end.get(), POLLIN, 0};
        while (report_open && ::poll(&report_pfd, 1, 0) > 0) read_report();
    }
    if (result.output.size() > options.output_limit) {
        result.output.erase(0, result.output.size() - options.output_limit);
    }
    result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (killed_for_timeout) {
        result.how = process_result::end::timed_out;
        result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : SIGTERM;
    } else if (WIFSIGNALED(status)) {
        result.how = process_result::end::signalled;
        result.signal = WTERMSIG(status);
    } else {
        result.how = process_result::end::exited;
        result.exit_code = WEXITSTATUS(status);
    }
    (void)killed_for_interrupt;
    return result;
}

}  // namespace hipkb
