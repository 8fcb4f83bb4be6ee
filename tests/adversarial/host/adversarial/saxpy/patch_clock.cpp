// Adversarial candidate "patch_clock": computes the right answer, slowly,
// and hides the time it takes by patching the clock the harness reads. On
// its first call it walks every loaded object's relocations
// (dl_iterate_phdr) and points each one's GOT slot for clock_gettime (the
// C library call under std::chrono::steady_clock, which libstdc++ makes
// through its own GOT) at a function of its own, making the page writable
// with mprotect where RELRO made it read-only. The replacement returns the
// true monotonic time minus all the time spent inside hipkb_run so far, so
// an interval that brackets a call measures close to nothing. The candidate
// module's own symbols are not exported, so plain interposition
// (defining clock_gettime, dlsym(RTLD_NEXT, ...)) would not reach the
// harness; patching the slots does.
//
// Caught by the clock check: around every timed launch the harness also
// reads CLOCK_MONOTONIC with the system call instruction itself, which no
// GOT slot routes; when the library's clock saw markedly less time than the
// system call (median over a repetition), the verdict is clock_tampered.
#include <hipkb/entry.h>

#include <cstdint>
#include <cstring>
#include <ctime>

#include <elf.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

std::int64_t g_hidden_ns = 0;

std::int64_t true_monotonic_ns() {
    timespec now{};
    ::syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
    return std::int64_t{now.tv_sec} * 1000000000 + now.tv_nsec;
}

int patched_clock_gettime(clockid_t clock, timespec* out) {
    const long rc = ::syscall(SYS_clock_gettime, clock, out);
    if (rc == 0 && clock == CLOCK_MONOTONIC) {
        const std::int64_t shown = std::int64_t{out->tv_sec} * 1000000000 + out->tv_nsec - g_hidden_ns;
        out->tv_sec = static_cast<time_t>(shown / 1000000000);
        out->tv_nsec = static_cast<long>(shown % 1000000000);
    }
    return static_cast<int>(rc);
}

// Dynamic-section pointers are relocated in place by the loader on most
// targets; where they are not, they are offsets from the object's base.
template <typename T>
T* at(const dl_phdr_info* info, ElfW(Addr) pointer) {
    return reinterpret_cast<T*>(pointer < info->dlpi_addr ? info->dlpi_addr + pointer : pointer);
}

void patch_slot(void** slot) {
    const long page = ::sysconf(_SC_PAGESIZE);
    void* start = reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(slot) & ~static_cast<std::uintptr_t>(page - 1));
    if (::mprotect(start, static_cast<std::size_t>(page), PROT_READ | PROT_WRITE) != 0) return;
    *slot = reinterpret_cast<void*>(&patched_clock_gettime);
}

void patch_relocations(const dl_phdr_info* info, const ElfW(Rela) * relocations, std::size_t bytes,
                       const ElfW(Sym) * symbols, const char* names) {
    for (std::size_t i = 0; i < bytes / sizeof(ElfW(Rela)); ++i) {
        const ElfW(Sym)& symbol = symbols[ELF64_R_SYM(relocations[i].r_info)];
        if (std::strcmp(names + symbol.st_name, "clock_gettime") == 0) {
            patch_slot(reinterpret_cast<void**>(info->dlpi_addr + relocations[i].r_offset));
        }
    }
}

int patch_object(dl_phdr_info* info, std::size_t, void*) {
    // The vDSO and the C library itself hold no slot the harness calls through.
    const char* name = info->dlpi_name ? info->dlpi_name : "";
    if (std::strstr(name, "linux-vdso") || std::strstr(name, "libc.so")) return 0;
    for (int p = 0; p < info->dlpi_phnum; ++p) {
        if (info->dlpi_phdr[p].p_type != PT_DYNAMIC) continue;
        const auto* dynamic = reinterpret_cast<const ElfW(Dyn)*>(info->dlpi_addr + info->dlpi_phdr[p].p_vaddr);
        const ElfW(Sym)* symbols = nullptr;
        const char* names = nullptr;
        const ElfW(Rela)* plt = nullptr;
        const ElfW(Rela)* rela = nullptr;
        std::size_t plt_bytes = 0;
        std::size_t rela_bytes = 0;
        for (const ElfW(Dyn)* d = dynamic; d->d_tag != DT_NULL; ++d) {
            switch (d->d_tag) {
                case DT_SYMTAB: symbols = at<const ElfW(Sym)>(info, d->d_un.d_ptr); break;
                case DT_STRTAB: names = at<const char>(info, d->d_un.d_ptr); break;
                case DT_JMPREL: plt = at<const ElfW(Rela)>(info, d->d_un.d_ptr); break;
                case DT_PLTRELSZ: plt_bytes = d->d_un.d_val; break;
                case DT_RELA: rela = at<const ElfW(Rela)>(info, d->d_un.d_ptr); break;
                case DT_RELASZ: rela_bytes = d->d_un.d_val; break;
                default: break;
            }
        }
        if (symbols == nullptr || names == nullptr) continue;
        if (plt != nullptr) patch_relocations(info, plt, plt_bytes, symbols, names);
        if (rela != nullptr) patch_relocations(info, rela, rela_bytes, symbols, names);
    }
    return 0;
}

}  // namespace

extern "C" int hipkb_run(const hipkb_args* args) {
    static const int patched = dl_iterate_phdr(patch_object, nullptr);
    (void)patched;
    const std::int64_t start = true_monotonic_ns();
    const auto* x = static_cast<const float*>(args->inputs[0]);
    const auto* w = static_cast<const float*>(args->inputs[1]);
    auto* y = static_cast<float*>(args->outputs[0]);
    const std::int64_t n = args->dims[0];
    // Deliberately slow (the honest result, eight times over): there must
    // be time worth hiding.
    for (int pass = 0; pass < 8; ++pass) {
        for (std::int64_t i = 0; i < n; ++i) {
            volatile float value = 2.0f * x[i] + w[i];
            y[i] = value;
        }
    }
    g_hidden_ns += true_monotonic_ns() - start;
    return 0;
}
