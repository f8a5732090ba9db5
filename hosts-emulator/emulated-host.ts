import { randomBytes } from "node:crypto";
import { Refused, refusals } from "./api-envelope";
import { seededRandom, seedOf } from "./seeded-random";

export type DatabaseStatus = "NORMAL" | "PAUSED" | "CLOSED";

export interface EmulatedDatabaseSeed {
  filename: string;
  sizeBytes: number;
  status?: DatabaseStatus;
  /** An encrypted database opens only with this key, unless the key was saved on the server. */
  encryptionKey?: string;
}

export interface EmulatedHostSeed {
  id: string;
  adminUser: string;
  adminPassword: string;
  version?: string;
  databases?: EmulatedDatabaseSeed[];
  /** A host may start stopped, with its databases closed. */
  running?: boolean;
  /**
   * False for a FileMaker Server outside the platform: it answers the documented calls only, not
   * the platform's load figures and backup list (true by default).
   */
  platformCalls?: boolean;
  /** People connected when the emulator starts; more come and go as the minutes pass. */
  clients?: Array<{ filename: string; userName: string }>;
}

interface EmulatedDatabase {
  id: string;
  filename: string;
  sizeBytes: number;
  status: DatabaseStatus;
  encryptionKey?: string;
  keySaved: boolean;
}

interface EmulatedClient {
  id: string;
  userName: string;
  computerName: string;
  ipAddress: string;
  appType: string;
  connectedAt: Date;
  filename: string;
  /** Set when the client is told to go: it leaves when its grace time is over. */
  leavesAt?: number;
  /** People connected when the emulator started stay until they are disconnected or the server stops. */
  stays?: boolean;
  messages: string[];
}

interface EmulatedSchedule {
  id: string;
  name: string;
  taskType: "BACKUP" | "VERIFY";
  enabled: boolean;
  everyMinutes: number;
  maxBackups: number;
  lastRun: Date | null;
  nextRunAt: number;
}

export interface EmulatedBackup {
  id: string;
  scheduleId: string | null;
  takenAt: Date;
  sizeBytes: number;
  /** The databases the backup holds, as they were when it was taken. */
  databases: Array<{ filename: string; sizeBytes: number }>;
}

const RESTORED_NAME = /^[^/\\:*?"<>|]{1,96}\.fmp12$/;

const MINUTE = 60_000;
/** Admin API tokens lapse after 15 minutes without a call. */
export const TOKEN_IDLE_LIMIT_MS = 15 * MINUTE;
const BACKUP_EVERY_MINUTES = 20;
/** A long jump of the clock replays at most this many minutes, so a test can leap days ahead cheaply. */
const MAX_REPLAYED_MINUTES = 24 * 60;

const defaultDatabases: EmulatedDatabaseSeed[] = [
  { filename: "Invoices.fmp12", sizeBytes: 412_000_000 },
  { filename: "Contacts.fmp12", sizeBytes: 96_500_000 },
  { filename: "Inventory.fmp12", sizeBytes: 1_250_000_000, status: "CLOSED" },
];

const people = ["Ann Jansen", "Bram de Vries", "Carla Smit", "Daan Visser", "Eva Bakker", "Finn Mulder"];
const appTypes = ["FileMaker Pro", "FileMaker Go", "FileMaker WebDirect"];

/** One FileMaker server's state, moved forward minute by minute as the clock goes on. */
export function createEmulatedHost(seed: EmulatedHostSeed, startedAt: Date) {
  const random = seededRandom(seedOf(seed.id));
  let sequence = 0;
  const nextId = () => String(++sequence);
  let running = true;
  let cpuPercent = 12;
  let memoryPercent = 38;
  let dataTransferBytes = 0;
  let simulatedUpTo = startedAt.getTime();
  const tokens = new Map<string, number>();
  const backups: EmulatedBackup[] = [];
  const clients = new Map<string, EmulatedClient>();
  const databases = new Map<string, EmulatedDatabase>();
  for (const database of seed.databases ?? defaultDatabases) {
    const id = nextId();
    databases.set(id, {
      id,
      filename: database.filename,
      sizeBytes: database.sizeBytes,
      status: database.status ?? "NORMAL",
      encryptionKey: database.encryptionKey,
      keySaved: false,
    });
  }
  const schedules = new Map<string, EmulatedSchedule>();
  if (seed.running === false) {
    running = false;
    for (const database of databases.values()) database.status = "CLOSED";
  }
  for (const client of running ? (seed.clients ?? []) : []) {
    const id = nextId();
    clients.set(id, {
      id,
      userName: client.userName,
      computerName: `Workstation-${10 + clients.size}`,
      ipAddress: `10.0.0.${20 + clients.size}`,
      appType: "FileMaker Pro",
      connectedAt: startedAt,
      filename: client.filename,
      messages: [],
      stays: true,
    });
  }
  addSchedule({ name: "Every 20 minutes", taskType: "BACKUP", everyMinutes: BACKUP_EVERY_MINUTES, maxBackups: 72 });
  addSchedule({ name: "Daily verify", taskType: "VERIFY", everyMinutes: 24 * 60, maxBackups: 0 });

  function addSchedule(fields: Pick<EmulatedSchedule, "name" | "taskType" | "everyMinutes" | "maxBackups">) {
    const id = nextId();
    const schedule = {
      id,
      ...fields,
      enabled: true,
      lastRun: null,
      nextRunAt: simulatedUpTo + fields.everyMinutes * MINUTE,
    };
    schedules.set(id, schedule);
    return schedule;
  }

  function openDatabases() {
    return [...databases.values()].filter((database) => database.status !== "CLOSED");
  }

  function takeBackup(scheduleId: string | null, at: number) {
    const held = openDatabases().map(({ filename, sizeBytes }) => ({ filename, sizeBytes }));
    const sizeBytes = held.reduce((sum, database) => sum + database.sizeBytes, 0);
    const backup = { id: nextId(), scheduleId, takenAt: new Date(at), sizeBytes, databases: held };
    backups.push(backup);
    return backup;
  }

  function runSchedule(schedule: EmulatedSchedule, at: number) {
    schedule.lastRun = new Date(at);
    if (schedule.taskType !== "BACKUP" || !running) return;
    takeBackup(schedule.id, at);
    const own = backups.filter((backup) => backup.scheduleId === schedule.id);
    const surplus = own.length - schedule.maxBackups;
    for (const old of own.slice(0, Math.max(0, surplus))) backups.splice(backups.indexOf(old), 1);
  }

  function stepMinute(at: number) {
    for (const [id, client] of clients) if (client.leavesAt !== undefined && client.leavesAt <= at) clients.delete(id);
    const open = openDatabases().filter((database) => database.status === "NORMAL");
    if (running && open.length > 0 && random.next() < 0.3 && clients.size < 12) {
      const id = nextId();
      clients.set(id, {
        id,
        userName: random.pick(people),
        computerName: `Workstation-${Math.floor(random.next() * 90) + 10}`,
        ipAddress: `10.0.${Math.floor(random.next() * 250)}.${Math.floor(random.next() * 250) + 1}`,
        appType: random.pick(appTypes),
        connectedAt: new Date(at),
        filename: random.pick(open).filename,
        messages: [],
      });
    } else {
      const leaving = [...clients.values()].filter((client) => !client.stays);
      if (leaving.length > 0 && random.next() < 0.2) clients.delete(random.pick(leaving).id);
    }
    const load = running ? 8 + clients.size * 4 : 1;
    cpuPercent = clamp(cpuPercent + (load - cpuPercent) * 0.3 + (random.next() - 0.5) * 6, 0, 100);
    memoryPercent = clamp(memoryPercent + (random.next() - 0.5) * 2 + (running ? 0.05 : -1), 5, 95);
    dataTransferBytes += running ? clients.size * Math.floor(200_000 + random.next() * 800_000) : 0;
    for (const schedule of schedules.values()) {
      if (schedule.enabled && schedule.nextRunAt <= at) {
        runSchedule(schedule, at);
        schedule.nextRunAt = at + schedule.everyMinutes * MINUTE;
      }
    }
  }

  function database(id: string) {
    const found = databases.get(id);
    if (!found) throw new Refused(refusals.databaseNotFound);
    if (!running) throw new Refused(refusals.serverStopped);
    return found;
  }

  function disconnectClientsOf(filename: string) {
    for (const [id, client] of clients) if (client.filename === filename) clients.delete(id);
  }

  return {
    id: seed.id,
    version: seed.version ?? "21.1.1.41",
    platformCalls: seed.platformCalls ?? true,

    /** Replays the minutes between the last call and now. */
    advanceTo(now: Date) {
      const target = now.getTime();
      if (target - simulatedUpTo > MAX_REPLAYED_MINUTES * MINUTE)
        simulatedUpTo = target - MAX_REPLAYED_MINUTES * MINUTE;
      while (simulatedUpTo + MINUTE <= target) {
        simulatedUpTo += MINUTE;
        stepMinute(simulatedUpTo);
      }
    },

    signIn(user: string, password: string, now: Date) {
      if (user !== seed.adminUser || password !== seed.adminPassword) throw new Refused(refusals.badCredentials);
      const token = randomBytes(24).toString("hex");
      tokens.set(token, now.getTime());
      return token;
    },

    /** Checks a token and counts the call as activity, as the server's idle timeout does. */
    acceptToken(token: string | undefined, now: Date) {
      const lastUsed = token === undefined ? undefined : tokens.get(token);
      if (token === undefined || lastUsed === undefined || now.getTime() - lastUsed > TOKEN_IDLE_LIMIT_MS) {
        if (token !== undefined) tokens.delete(token);
        throw new Refused(refusals.invalidToken);
      }
      tokens.set(token, now.getTime());
    },

    signOut(token: string) {
      if (!tokens.delete(token)) throw new Refused(refusals.invalidToken);
    },

    isRunning: () => running,

    setRunning(wanted: boolean) {
      if (wanted === running) return;
      running = wanted;
      clients.clear();
      for (const database of databases.values()) {
        // A starting server opens every database it can; a stopping one closes them all.
        const canOpen = !database.encryptionKey || database.keySaved;
        database.status = wanted && canOpen ? "NORMAL" : "CLOSED";
      }
    },

    databases: () =>
      [...databases.values()].map((database) => ({
        ...database,
        clients: [...clients.values()].filter((client) => client.filename === database.filename).length,
      })),

    openDatabase(id: string, key: string | undefined, saveKey: boolean) {
      const target = database(id);
      if (target.status !== "CLOSED") return;
      if (target.encryptionKey && !target.keySaved) {
        if (key !== target.encryptionKey) throw new Refused(refusals.wrongEncryptionKey);
        target.keySaved = saveKey;
      }
      target.status = "NORMAL";
    },

    closeDatabase(id: string) {
      const target = database(id);
      disconnectClientsOf(target.filename);
      target.status = "CLOSED";
    },

    pauseDatabase(id: string) {
      const target = database(id);
      if (target.status === "CLOSED") throw new Refused(refusals.notOpen);
      target.status = "PAUSED";
    },

    resumeDatabase(id: string) {
      const target = database(id);
      if (target.status !== "PAUSED") throw new Refused(refusals.notPaused);
      target.status = "NORMAL";
    },

    clients: () => [...clients.values()],

    connectClient(filename: string, userName: string, now: Date) {
      const id = nextId();
      clients.set(id, {
        id,
        userName,
        computerName: "Emulated",
        ipAddress: "127.0.0.1",
        appType: "FileMaker Pro",
        connectedAt: now,
        filename,
        messages: [],
      });
      return id;
    },

    sendMessage(clientId: string, text: string) {
      const client = clients.get(clientId);
      if (!client) throw new Refused(refusals.clientNotFound);
      client.messages.push(text);
    },

    disconnectClient(clientId: string, graceSeconds: number, message: string | undefined, now: Date) {
      const client = clients.get(clientId);
      if (!client) throw new Refused(refusals.clientNotFound);
      if (message !== undefined) client.messages.push(message);
      if (graceSeconds <= 0) clients.delete(clientId);
      else client.leavesAt = now.getTime() + graceSeconds * 1000;
    },

    schedules: () => [...schedules.values()],

    updateSchedule(id: string, change: { enabled?: boolean; run?: boolean }, now: Date) {
      const schedule = schedules.get(id);
      if (!schedule) throw new Refused(refusals.scheduleNotFound);
      if (change.enabled !== undefined) schedule.enabled = change.enabled;
      if (change.run) runSchedule(schedule, now.getTime());
      return schedule;
    },

    createBackupSchedule(name: string, everyMinutes: number, maxBackups: number) {
      return addSchedule({ name, taskType: "BACKUP", everyMinutes, maxBackups });
    },

    backups: () => [...backups],

    /** An on-demand backup of the open databases. */
    backUpNow(now: Date) {
      if (!running) throw new Refused(refusals.serverStopped);
      return takeBackup(null, now.getTime());
    },

    /**
     * Restores one database of a backup under a new filename, or over the database of that name
     * when `replace` is set (its clients are disconnected first).
     */
    restoreBackup(backupId: string, filename: string, targetFilename: string, replace: boolean) {
      if (!running) throw new Refused(refusals.serverStopped);
      const backup = backups.find((candidate) => candidate.id === backupId);
      if (!backup) throw new Refused(refusals.backupNotFound);
      const held = backup.databases.find((database) => database.filename === filename);
      if (!held) throw new Refused(refusals.databaseNotFound);
      if (!RESTORED_NAME.test(targetFilename)) throw new Refused(refusals.invalidParameter);
      const existing = [...databases.values()].find(
        (database) => database.filename.toLowerCase() === targetFilename.toLowerCase(),
      );
      if (existing && !replace) throw new Refused(refusals.fileExists);
      if (existing) {
        disconnectClientsOf(existing.filename);
        existing.sizeBytes = held.sizeBytes;
        existing.status = "NORMAL";
        return existing;
      }
      const id = nextId();
      const restored = {
        id,
        filename: targetFilename,
        sizeBytes: held.sizeBytes,
        status: "NORMAL" as const,
        keySaved: false,
      };
      databases.set(id, restored);
      return restored;
    },

    statistics: () => ({
      cpuPercent: Math.round(cpuPercent * 10) / 10,
      memoryPercent: Math.round(memoryPercent * 10) / 10,
      connectedClients: clients.size,
      storageBytes: [...databases.values()].reduce((sum, database) => sum + database.sizeBytes, 0),
      dataTransferBytes,
    }),
  };
}

export type EmulatedHost = ReturnType<typeof createEmulatedHost>;

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}
