/* A full disk for one process tree, without root: LD_PRELOAD this and every write to a regular file fails
 * with ENOSPC once ZANTARA_TEST_WRITE_BUDGET bytes have been written (by this process); statvfs reports
 * ZANTARA_TEST_FREE_BYTES free when set. Pipes and terminals are never refused (the CLI must still speak). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long long budget = -2; /* -2: not read yet, -1: unlimited */
static long long written = 0;

static long long get_budget(void) {
    if (budget == -2) {
        const char *v = getenv("ZANTARA_TEST_WRITE_BUDGET");
        budget = v ? atoll(v) : -1;
    }
    return budget;
}

static int refuse(int fd, size_t n) {
    struct stat st;
    if (get_budget() < 0 || n == 0) return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    if (written + (long long)n > budget) { errno = ENOSPC; return 1; }
    written += (long long)n;
    return 0;
}

#define REAL(name) static __typeof__(name) *real_##name; if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *b, size_t n) { REAL(write); if (refuse(fd, n)) return -1; return real_write(fd, b, n); }
ssize_t pwrite(int fd, const void *b, size_t n, off_t o) { REAL(pwrite); if (refuse(fd, n)) return -1; return real_pwrite(fd, b, n, o); }
ssize_t pwrite64(int fd, const void *b, size_t n, off64_t o) { REAL(pwrite64); if (refuse(fd, n)) return -1; return real_pwrite64(fd, b, n, o); }

static size_t iov_len(const struct iovec *v, int c) { size_t n = 0; for (int i = 0; i < c; i++) n += v[i].iov_len; return n; }
ssize_t writev(int fd, const struct iovec *v, int c) { REAL(writev); if (refuse(fd, iov_len(v, c))) return -1; return real_writev(fd, v, c); }
ssize_t pwritev(int fd, const struct iovec *v, int c, off_t o) { REAL(pwritev); if (refuse(fd, iov_len(v, c))) return -1; return real_pwritev(fd, v, c, o); }
ssize_t pwritev64(int fd, const struct iovec *v, int c, off64_t o) { REAL(pwritev64); if (refuse(fd, iov_len(v, c))) return -1; return real_pwritev64(fd, v, c, o); }

int fallocate(int fd, int mode, off_t o, off_t n) { REAL(fallocate); if (refuse(fd, (size_t)n)) return -1; return real_fallocate(fd, mode, o, n); }
int posix_fallocate(int fd, off_t o, off_t n) { REAL(posix_fallocate); if (refuse(fd, (size_t)n)) return ENOSPC; return real_posix_fallocate(fd, o, n); }
int posix_fallocate64(int fd, off64_t o, off64_t n) { REAL(posix_fallocate64); if (refuse(fd, (size_t)n)) return ENOSPC; return real_posix_fallocate64(fd, o, n); }

static void fake_free(struct statvfs *s) {
    const char *v = getenv("ZANTARA_TEST_FREE_BYTES");
    if (v && s->f_frsize) { s->f_bavail = s->f_bfree = (fsblkcnt_t)(atoll(v) / (long long)s->f_frsize); }
}
int statvfs(const char *p, struct statvfs *s) { REAL(statvfs); int r = real_statvfs(p, s); if (r == 0) fake_free(s); return r; }
int fstatvfs(int fd, struct statvfs *s) { REAL(fstatvfs); int r = real_fstatvfs(fd, s); if (r == 0) fake_free(s); return r; }
int statvfs64(const char *p, struct statvfs64 *s) { REAL(statvfs64); int r = real_statvfs64(p, s); if (r == 0) fake_free((struct statvfs *)s); return r; }
