// Kernel filesystems take no folders or files of ours: Node's recursive mkdir even spins forever on /proc.
const KERNEL_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/** Says why nothing can be stored at an absolute path under /proc, /sys or /dev; undefined elsewhere. */
export function kernelFilesystemProblem(absolutePath: string): string | undefined {
  const root = KERNEL_FILESYSTEMS.find((fs) => absolutePath === fs || absolutePath.startsWith(`${fs}/`));
  return root === undefined
    ? undefined
    : `${absolutePath} is under ${root}, a kernel filesystem where nothing can be stored; choose a folder on disk`;
}
