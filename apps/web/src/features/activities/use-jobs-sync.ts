/** Follows the user's jobs for as long as the calling component (the header button) is mounted. */
import { useEffect } from "react";
import { startJobsSync } from "./jobs-sync.ts";

export function useJobsSync(): void {
  useEffect(() => startJobsSync(), []);
}
