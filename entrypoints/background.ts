import { openKithDb } from '@/lib/db';

export default defineBackground(() => {
  void openKithDb();
});
