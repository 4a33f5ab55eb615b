// Nova's instance actions that have a compute event (the part done on the host), by the event's
// name in Nova's compute manager. The API server shows the event; the operator finishes it once
// the server has settled. lock and unlock are the API's alone: no event.
export const COMPUTE_EVENTS: Readonly<Record<string, string>> = {
  create: 'compute__do_build_and_run_instance',
  delete: 'compute_terminate_instance',
  stop: 'compute_stop_instance',
  start: 'compute_start_instance',
  reboot: 'compute_reboot_instance',
  rebuild: 'compute_rebuild_instance',
  pause: 'compute_pause_instance',
  unpause: 'compute_unpause_instance',
  suspend: 'compute_suspend_instance',
  resume: 'compute_resume_instance',
  createImage: 'compute_snapshot_instance',
  createBackup: 'compute_backup_instance',
  migrate: 'compute_resize_instance',
  'live-migration': 'compute_live_migration',
  evacuate: 'compute_rebuild_instance',
  trigger_crash_dump: 'compute_trigger_crash_dump',
  shelve: 'compute_shelve_instance',
  unshelve: 'compute_unshelve_instance',
  resize: 'compute_resize_instance',
  confirmResize: 'compute_confirm_resize',
  revertResize: 'compute_revert_resize',
  rescue: 'compute_rescue_instance',
  unrescue: 'compute_unrescue_instance',
};
