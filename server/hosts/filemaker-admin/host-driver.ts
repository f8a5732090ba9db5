/** What the console asks of a host, whether FileMaker Cloud or a self-hosted FileMaker Server. */
export type DatabaseStatus = "NORMAL" | "PAUSED" | "CLOSED" | "OPENING" | "CLOSING" | "PAUSING" | "RESUMING";

export interface HostedDatabase {
  id: string;
  filename: string;
  status: DatabaseStatus;
  sizeBytes: number;
  clients: number;
  encrypted: boolean;
}

export interface ConnectedClient {
  id: string;
  userName: string;
  computerName: string;
  ipAddress: string;
  appType: string;
  connectedAt: Date;
  filenames: string[];
}

export interface Schedule {
  id: string;
  name: string;
  taskType: string;
  enabled: boolean;
  lastRun: Date | null;
  nextRun: Date | null;
}

export interface HostStatistics {
  cpuPercent: number;
  memoryPercent: number;
  connectedClients: number;
  storageBytes: number;
  dataTransferBytes: number;
}

export interface HostBackup {
  id: string;
  scheduleId: string | null;
  takenAt: Date;
  sizeBytes: number;
  databases: Array<{ filename: string; sizeBytes: number }>;
}

export interface RestoreRequest {
  /** The database in the backup. */
  filename: string;
  /** The name it is restored under; an existing database of that name is replaced only with `replace`. */
  targetFilename: string;
  replace: boolean;
}

export interface BackupScheduleRequest {
  name: string;
  everyMinutes: number;
  maxBackups: number;
}

export interface HostDriver {
  serverVersion(): Promise<string>;
  isRunning(): Promise<boolean>;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  listDatabases(): Promise<HostedDatabase[]>;
  /** `key` opens an encrypted database; `saveKey` keeps it on the server for later openings. */
  openDatabase(databaseId: string, options?: { key?: string; saveKey?: boolean }): Promise<DatabaseStatus>;
  /** `force` closes even while clients are still connected. */
  closeDatabase(databaseId: string, options?: { force?: boolean }): Promise<DatabaseStatus>;
  pauseDatabase(databaseId: string): Promise<DatabaseStatus>;
  resumeDatabase(databaseId: string): Promise<DatabaseStatus>;
  listClients(): Promise<ConnectedClient[]>;
  sendMessage(clientId: string, text: string): Promise<void>;
  /** The client is told, and leaves after `graceSeconds` (0 at once). */
  disconnectClient(clientId: string, options: { graceSeconds: number; message?: string }): Promise<void>;
  listSchedules(): Promise<Schedule[]>;
  runSchedule(scheduleId: string): Promise<Schedule>;
  setScheduleEnabled(scheduleId: string, enabled: boolean): Promise<Schedule>;
  createBackupSchedule(request: BackupScheduleRequest): Promise<Schedule>;
  /** Load figures; null when the host does not offer them (a FileMaker Server outside our cloud). */
  statistics(): Promise<HostStatistics | null>;
  /** Backups taken; null when the host does not list them. */
  listBackups(): Promise<HostBackup[] | null>;
  /** Takes a backup of the open databases now. */
  backUpNow(): Promise<HostBackup>;
  restoreBackup(backupId: string, request: RestoreRequest): Promise<{ id: string; filename: string }>;
  /** Gives the access token back, so it cannot be used after the console is done. */
  close(): Promise<void>;
}
