/**
 * Which process listens on a TCP port, read from /proc (Linux). Best effort:
 * another user's processes stay hidden to a user that is not root, and other
 * systems have no /proc; the answer is then undefined.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const LISTEN = "0A";

export interface PortHolder {
  pid: number;
  command: string;
}

export function portHolder(port: number): PortHolder | undefined {
  const inodes = listeningSocketInodes(port);
  if (!inodes.size) return undefined;
  for (const pid of processIds()) {
    if (ownsSocket(pid, inodes)) return { pid, command: commandOf(pid) };
  }
  return undefined;
}

/** Inodes of the sockets listening on `port`, from /proc/net/tcp and tcp6. */
function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readOrEmpty(table).split("\n").slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === LISTEN && local && inode && Number.parseInt(local.split(":").at(-1)!, 16) === port) inodes.add(inode);
    }
  }
  return inodes;
}

function processIds(): number[] {
  try {
    return readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

function ownsSocket(pid: number, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false; // gone, or not ours to look at
  }
  return fds.some((fd) => {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      return target.startsWith("socket:[") && inodes.has(target.slice(8, -1));
    } catch {
      return false;
    }
  });
}

function commandOf(pid: number): string {
  const command = readOrEmpty(`/proc/${pid}/cmdline`).split("\0").filter(Boolean).join(" ");
  return command.length > 100 ? `${command.slice(0, 97)}…` : command || "?";
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
