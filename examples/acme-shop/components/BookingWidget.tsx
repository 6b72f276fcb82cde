'use client';

import { useEffect, useState } from 'react';
import { listSlots } from '@/lib/booking-client';

const DEMO_KEY = 'eng_test_kAeUqM2UOESK0OqWOOkgQM6u';

export function BookingWidget() {
  const [slots, setSlots] = useState<unknown>(null);
  useEffect(() => {
    listSlots(new Date().toISOString().slice(0, 10)).then(setSlots);
    console.debug('demo mode', DEMO_KEY.length, process.env.NEXT_PUBLIC_ENGIUM_API_KEY?.length);
  }, []);
  return <pre>{JSON.stringify(slots)}</pre>;
}
